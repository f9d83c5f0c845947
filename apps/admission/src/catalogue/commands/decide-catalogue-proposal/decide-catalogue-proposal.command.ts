import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ProposalAction, VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { CatalogueItem } from '../../domain/catalogue-item.js';

/** Approves (publishes as the next version) or rejects a proposed catalogue version: a second reviewer's act. */
export class DecideCatalogueProposalCommand extends Command<{
  duplicate: boolean;
  proposal: VersionProposal<CatalogueItem>;
}> {
  constructor(
    readonly actor: Principal,
    readonly proposalId: string,
    readonly decision: { action: ProposalAction; reason?: string },
  ) {
    super();
  }
}
