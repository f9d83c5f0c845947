import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityAccountLine } from '../../persistence/community-accounts.repository.js';

export interface CommunityAccounts {
  communityId: string;
  code: string;
  name: string;
  /** One line per fund the community holds (基本运转, 党建专项, 共建), and one per task (专款). */
  accounts: CommunityAccountLine[];
  totalFen: number;
}

/** A community's accounts by fund with balances, for finance, leaders and the community itself. */
export class GetCommunityAccountsQuery extends Query<CommunityAccounts> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
