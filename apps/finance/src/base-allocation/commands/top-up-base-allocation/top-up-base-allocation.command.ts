import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface BaseAllocationToppedUp {
  topUpId: string;
  workflowId: string;
  districtCode: string;
  year: number;
  fromFen: number;
  toFen: number;
  reason: string;
  /** True when this request repeated an earlier one (same Idempotency-Key and body): its first answer. */
  replayed: boolean;
}

/**
 * 补差: raises a year's base standard after communities were paid, and pays every community already paid
 * the difference, once, as its own transfer with the reason.
 */
export class TopUpBaseAllocationCommand extends Command<BaseAllocationToppedUp> {
  constructor(
    readonly year: number,
    readonly amountFen: number,
    readonly reason: string,
    readonly actor: Principal,
    readonly idempotencyKey: string,
  ) {
    super();
  }
}
