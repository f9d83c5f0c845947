import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { PowerItem } from '../../domain/power-item.js';

/** One proposed version of a department's register with its items, for the second reviewer to check. */
export class GetPowerItemsProposalQuery extends Query<VersionProposal<PowerItem>> {
  constructor(
    readonly actor: Principal,
    readonly departmentId: string,
    readonly proposalId: string,
  ) {
    super();
  }
}
