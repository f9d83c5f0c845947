import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ProposalStatus, VersionProposal } from '../../../version-proposals/domain/version-proposal.js';

/** The caller's district's proposed catalogue versions, newest first, without their items. */
export class ListCatalogueProposalsQuery extends Query<{ items: VersionProposal<never>[]; total: number }> {
  constructor(
    readonly actor: Principal,
    readonly filter: { status?: ProposalStatus; offset: number; limit: number },
  ) {
    super();
  }
}
