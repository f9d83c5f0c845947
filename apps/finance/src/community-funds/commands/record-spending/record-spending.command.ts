import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityFund } from '../../../ledger/domain/account.js';

export interface MoneyMoved {
  transferId: string;
  /** True when this request repeated an earlier one: its first result is returned, nothing moved again. */
  replayed: boolean;
  communityId: string;
  amountFen: number;
  /** What the community's fund (or task account) holds afterwards. */
  balanceFen: number;
}

/** A community records spending from one of its funds; task money only against its own task. */
export class RecordSpendingCommand extends Command<MoneyMoved & { fund: CommunityFund; taskId?: string }> {
  constructor(
    readonly communityId: string,
    readonly fund: CommunityFund,
    readonly taskId: string | undefined,
    readonly amountFen: number,
    readonly purpose: string,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
