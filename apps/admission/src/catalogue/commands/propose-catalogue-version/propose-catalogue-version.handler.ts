import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestValidationError, TransactionRunner } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import { type CatalogueItem, validateCatalogueItems } from '../../domain/catalogue-item.js';
import { catalogueSubject } from '../../domain/catalogue-subject.js';
import { ProposeCatalogueVersionCommand } from './propose-catalogue-version.command.js';

@CommandHandler(ProposeCatalogueVersionCommand)
export class ProposeCatalogueVersionHandler implements ICommandHandler<ProposeCatalogueVersionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly proposals: VersionProposals,
  ) {}

  execute({ actor, items: raw, note }: ProposeCatalogueVersionCommand): Promise<VersionProposal<CatalogueItem>> {
    const { items, problems } = validateCatalogueItems(raw);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return this.transactions.run((tx) => this.proposals.propose(tx, catalogueSubject(actor), { items, note }, actor));
  }
}
