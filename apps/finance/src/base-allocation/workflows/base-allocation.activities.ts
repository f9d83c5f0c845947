import type { CommunityDirectoryRepository } from '@jianfu/community-directory';
import type { TransactionRunner } from '@jianfu/platform';
import { Accounts } from '../../ledger/domain/account.js';
import type { LedgerRepository } from '../../ledger/persistence/ledger.repository.js';
import { baseAllocationReference, basePaymentFor } from '../domain/base-allocation-payments.js';
import type { BaseAllocationsRepository } from '../persistence/base-allocations.repository.js';

export interface BaseAllocationActivityDeps {
  transactions: TransactionRunner;
  ledger: LedgerRepository;
  directory: CommunityDirectoryRepository;
  allocations: BaseAllocationsRepository;
}

export interface BaseAllocationBatch {
  districtCode: string;
  year: number;
  amountFen: number;
  offset: number;
  limit: number;
}

/**
 * Pays one page of the district's communities in one transaction: one set-based write of all their
 * transfers. What each community was already paid this year is read first: paid nothing, it gets the
 * standard; during a top-up run, paid less, it gets the difference. A retried page finds its transfers
 * (their ids are per community, year and standard) and pays nobody twice.
 */
export function createBaseAllocationActivities(deps: BaseAllocationActivityDeps) {
  return {
    async allocateBaseFundBatch(batch: BaseAllocationBatch): Promise<{ seen: number; paid: number; toppedUp: number }> {
      return deps.transactions.run(async (tx) => {
        // Only one run of a year goes at a time; its top-up (if any) is the one recorded on the run.
        const found = await deps.allocations.findRunWithCursor(tx, batch.districtCode, batch.year);
        const run = found?.run;
        const cursor = found?.cursor;
        // The page that follows the last one recorded reads on after its last community; any other (the first, or a
        // page retried after its commit) is found by its offset.
        const items = await deps.directory.pageOfDistrict(
          tx,
          batch.districtCode,
          cursor?.offset === batch.offset
            ? { after: cursor.after, limit: batch.limit }
            : { offset: batch.offset, limit: batch.limit },
        );
        const topUp = run?.topUpId ? await deps.allocations.findTopUp(tx, run.topUpId) : null;
        const plan = {
          districtCode: batch.districtCode,
          year: batch.year,
          amountFen: batch.amountFen,
          ...(topUp ? { topUp: { topUpId: topUp.topUpId, reason: topUp.reason } } : {}),
        };
        const paidSoFar = await deps.ledger.netByReference(
          tx,
          items.map((community) => Accounts.communityBase(community.communityId).id),
          baseAllocationReference(batch.districtCode, batch.year),
        );
        const payments = items.flatMap((community) => {
          const already = paidSoFar.get(Accounts.communityBase(community.communityId).id) ?? 0;
          const payment = basePaymentFor(plan, community.communityId, already);
          return payment ? [payment] : [];
        });
        const results = await deps.ledger.post(
          tx,
          payments.map((payment) => payment.transfer),
        );
        const fresh = (kind: 'allocation' | 'top-up') =>
          results.filter((result, index) => !result.replayed && payments[index].kind === kind).length;
        const paid = fresh('allocation');
        const toppedUp = fresh('top-up');
        const last = items.at(-1);
        await deps.allocations.recordProgress(
          tx,
          batch.districtCode,
          batch.year,
          batch.offset + items.length,
          paid,
          toppedUp,
          last ? { code: last.code, communityId: last.communityId } : undefined,
        );
        return { seen: items.length, paid, toppedUp };
      });
    },

    async finishBaseAllocation(districtCode: string, year: number): Promise<void> {
      await deps.transactions.run((tx) => deps.allocations.finishRun(tx, districtCode, year));
    },
  };
}

export type BaseAllocationActivities = ReturnType<typeof createBaseAllocationActivities>;
