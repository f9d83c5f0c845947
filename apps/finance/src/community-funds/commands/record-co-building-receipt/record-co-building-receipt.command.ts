import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { MoneyMoved } from '../record-spending/record-spending.command.js';

/** Support from a co-building unit (共建) or a donation (捐赠) reached a community. */
export class RecordCoBuildingReceiptCommand extends Command<MoneyMoved & { unitId: string; kind: string }> {
  constructor(
    readonly communityId: string,
    readonly unitId: string,
    readonly unitName: string,
    readonly kind: 'co-building' | 'donation',
    readonly amountFen: number,
    readonly note: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
