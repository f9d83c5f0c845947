import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import { type PowerItem, powerItemsSubject } from '../../domain/power-item.js';
import { PowerItemsRepository } from '../../persistence/power-items.repository.js';
import { DecidePowerItemsProposalCommand } from './decide-power-items-proposal.command.js';

@CommandHandler(DecidePowerItemsProposalCommand)
export class DecidePowerItemsProposalHandler implements ICommandHandler<DecidePowerItemsProposalCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly proposals: VersionProposals,
    private readonly powerItems: PowerItemsRepository,
  ) {}

  execute({
    actor,
    departmentId,
    proposalId,
    decision,
  }: DecidePowerItemsProposalCommand): Promise<{ duplicate: boolean; proposal: VersionProposal<PowerItem> }> {
    return this.transactions.run((tx) =>
      this.proposals.decide<PowerItem>(
        tx,
        powerItemsSubject(actor, departmentId),
        proposalId,
        decision,
        actor,
        async (inner, approved) => {
          const version = await this.powerItems.publish(
            inner,
            {
              districtCode: actor.scope.districtCode,
              departmentId,
              note: approved.note,
              publishedBy: approved.proposedBy,
              approvedBy: approved.approvedBy,
            },
            approved.items,
          );
          return version.version;
        },
      ),
    );
  }
}
