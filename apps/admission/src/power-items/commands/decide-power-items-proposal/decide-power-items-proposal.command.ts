import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ProposalAction, VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { PowerItem } from '../../domain/power-item.js';

/** Approves (publishes as the next version) or rejects a proposed register version: a second reviewer's act. */
export class DecidePowerItemsProposalCommand extends Command<{
  duplicate: boolean;
  proposal: VersionProposal<PowerItem>;
}> {
  constructor(
    readonly actor: Principal,
    readonly departmentId: string,
    readonly proposalId: string,
    readonly decision: { action: ProposalAction; reason?: string },
  ) {
    super();
  }
}
