import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { CatalogueItem } from '../../domain/catalogue-item.js';

/** One proposed catalogue version of the caller's district with its items, for the second reviewer to check. */
export class GetCatalogueProposalQuery extends Query<VersionProposal<CatalogueItem>> {
  constructor(
    readonly actor: Principal,
    readonly proposalId: string,
  ) {
    super();
  }
}
