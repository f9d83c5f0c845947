import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import type { CatalogueItem } from '../../domain/catalogue-item.js';
import { catalogueSubject } from '../../domain/catalogue-subject.js';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { DecideCatalogueProposalCommand } from './decide-catalogue-proposal.command.js';

@CommandHandler(DecideCatalogueProposalCommand)
export class DecideCatalogueProposalHandler implements ICommandHandler<DecideCatalogueProposalCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly proposals: VersionProposals,
    private readonly catalogue: CatalogueRepository,
  ) {}

  execute({
    actor,
    proposalId,
    decision,
  }: DecideCatalogueProposalCommand): Promise<{ duplicate: boolean; proposal: VersionProposal<CatalogueItem> }> {
    return this.transactions.run((tx) =>
      this.proposals.decide<CatalogueItem>(
        tx,
        catalogueSubject(actor),
        proposalId,
        decision,
        actor,
        async (inner, approved) => {
          // The proposer publishes and the approver approves: the version names both (四眼原则).
          const version = await this.catalogue.publish(
            inner,
            actor.scope.districtCode,
            approved.items,
            { publishedBy: approved.proposedBy, approvedBy: approved.approvedBy },
            approved.note,
          );
          return version.version;
        },
      ),
    );
  }
}
