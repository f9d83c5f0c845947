/**
 * 党建专项经费: a community receives one allocation per year; anything more that year is a top-up (追加),
 * its own transfer with a reason. Nothing already posted is changed.
 */
export type PartyBuildingAllocationKind = 'allocation' | 'top-up';

export const partyBuildingAllocationKinds: readonly PartyBuildingAllocationKind[] = ['allocation', 'top-up'];

/** At most one per community and year: the ledger refuses to post it twice. */
export function partyBuildingAllocationId(year: number, communityId: string): string {
  return `party-building:${year}:${communityId}`;
}

/** Each top-up is its own transfer; the request's idempotency decides whether it is new. */
export function partyBuildingTopUpId(year: number, communityId: string, topUpId: string): string {
  return `party-building:${year}:${communityId}:top-up:${topUpId}`;
}
