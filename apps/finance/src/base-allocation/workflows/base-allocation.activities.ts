import type { CommunityDirectoryRepository } from '@jianfu/community-directory';
import type { TransactionRunner } from '@jianfu/platform';
import { Accounts } from '../../ledger/domain/account.js';
import { simpleTransfer } from '../../ledger/domain/transfer.js';
import type { LedgerRepository } from '../../ledger/persistence/ledger.repository.js';
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

/** The transfer id makes the allocation idempotent per community and year, whatever reruns or retries. */
export function baseAllocationTransferId(year: number, communityId: string): string {
  return `base:${year}:${communityId}`;
}

/**
 * Pays one page of the district's communities in one transaction: one set-based write of all their
 * transfers. A community already paid this year is a replay and gets nothing more.
 */
export function createBaseAllocationActivities(deps: BaseAllocationActivityDeps) {
  return {
    async allocateBaseFundBatch(batch: BaseAllocationBatch): Promise<{ seen: number; paid: number }> {
      return deps.transactions.run(async (tx) => {
        const { items } = await deps.directory.listInScope(
          tx,
          { districtCode: batch.districtCode },
          { offset: batch.offset, limit: batch.limit },
        );
        const treasury = Accounts.districtTreasury(batch.districtCode);
        const results = await deps.ledger.post(
          tx,
          items.map((community) =>
            simpleTransfer({
              id: baseAllocationTransferId(batch.year, community.communityId),
              purpose: 'base-allocation',
              from: treasury,
              to: Accounts.communityBase(community.communityId),
              amountFen: batch.amountFen,
              reference: `base:${batch.districtCode}:${batch.year}`,
            }),
          ),
        );
        const paid = results.filter((result) => !result.replayed).length;
        await deps.allocations.recordProgress(tx, batch.districtCode, batch.year, batch.offset + items.length, paid);
        return { seen: items.length, paid };
      });
    },

    async finishBaseAllocation(districtCode: string, year: number): Promise<void> {
      await deps.transactions.run((tx) => deps.allocations.finishRun(tx, districtCode, year));
    },
  };
}

export type BaseAllocationActivities = ReturnType<typeof createBaseAllocationActivities>;
