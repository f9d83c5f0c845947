import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PartyBuildingAllocationKind } from '../../domain/party-building-allocation.js';
import type { MoneyMoved } from '../record-spending/record-spending.command.js';

export type PartyBuildingFundAllocated = MoneyMoved & {
  year: number;
  kind: PartyBuildingAllocationKind;
  reason: string | null;
};

/**
 * Pays a community its party-building special fund (党建专项经费) for a year, once, or tops it up with a
 * reason; the caller's idempotency key names the request.
 */
export class AllocatePartyBuildingFundCommand extends Command<PartyBuildingFundAllocated> {
  constructor(
    readonly communityId: string,
    readonly year: number,
    readonly amountFen: number,
    readonly kind: PartyBuildingAllocationKind,
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string,
  ) {
    super();
  }
}
