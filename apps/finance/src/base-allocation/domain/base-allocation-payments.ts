import { Accounts } from '../../ledger/domain/account.js';
import { simpleTransfer, type Transfer } from '../../ledger/domain/transfer.js';

/** The transfer id makes the allocation idempotent per community and year, whatever reruns or retries. */
export function baseAllocationTransferId(year: number, communityId: string): string {
  return `base:${year}:${communityId}`;
}

/** One top-up per community, year and raised standard: a retried page or a repeated run pays it once. */
export function baseTopUpTransferId(year: number, communityId: string, toFen: number): string {
  return `base-top-up:${year}:${communityId}:${toFen}`;
}

/** Every base payment of a district and year carries this reference, so what a community got sums over it. */
export function baseAllocationReference(districtCode: string, year: number): string {
  return `base:${districtCode}:${year}`;
}

export interface BasePaymentPlan {
  districtCode: string;
  year: number;
  /** The standard in force for the run. */
  amountFen: number;
  /** Present when the run tops up a raised standard (补差), with the reason each top-up carries. */
  topUp?: { topUpId: string; reason: string };
}

/**
 * What one community is owed by a run: a community paid nothing this year gets the standard; under a
 * top-up, a community paid less gets the difference, as its own transfer with the reason; a community
 * already at (or above) the standard gets nothing. A plain run never tops anybody up.
 */
export function basePaymentFor(
  plan: BasePaymentPlan,
  communityId: string,
  alreadyPaidFen: number,
): { transfer: Transfer; kind: 'allocation' | 'top-up' } | null {
  const common = {
    from: Accounts.districtTreasury(plan.districtCode),
    to: Accounts.communityBase(communityId),
    reference: baseAllocationReference(plan.districtCode, plan.year),
  };
  if (alreadyPaidFen <= 0) {
    return {
      kind: 'allocation',
      transfer: simpleTransfer({
        ...common,
        id: baseAllocationTransferId(plan.year, communityId),
        purpose: 'base-allocation',
        amountFen: plan.amountFen,
      }),
    };
  }
  if (!plan.topUp || alreadyPaidFen >= plan.amountFen) return null;
  return {
    kind: 'top-up',
    transfer: simpleTransfer({
      ...common,
      id: baseTopUpTransferId(plan.year, communityId, plan.amountFen),
      purpose: 'base-top-up',
      amountFen: plan.amountFen - alreadyPaidFen,
      memo: plan.topUp.reason,
    }),
  };
}
