import type { TransactionRunner } from '@jianfu/platform';
import type { LedgerRepository } from '../../ledger/persistence/ledger.repository.js';
import { payoutTransfers } from '../domain/payout-batch.js';
import type { PayoutBatchesRepository } from '../persistence/payout-batches.repository.js';

export interface PayoutBatchActivityDeps {
  transactions: TransactionRunner;
  ledger: LedgerRepository;
  batches: PayoutBatchesRepository;
}

/** Idempotent: each payment's id is per worker and cycle (or per award), and a closed batch stays closed. */
export function createPayoutBatchActivities(deps: PayoutBatchActivityDeps) {
  return {
    async payPayoutBatch(batchId: string, approvedBy: string | null): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const batch = await deps.batches.findForUpdate(tx, batchId);
        if (!batch || batch.state !== 'awaiting-approval' || !batch.districtCode) return;
        await deps.ledger.post(tx, payoutTransfers(batch, batch.districtCode));
        await deps.batches.close(tx, batchId, { state: 'paid', decidedBy: approvedBy, reason: null });
      });
    },

    async closePayoutBatch(
      batchId: string,
      state: 'rejected' | 'expired',
      decidedBy: string | null,
      reason: string | null,
    ): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const batch = await deps.batches.findForUpdate(tx, batchId);
        if (!batch || batch.state !== 'awaiting-approval') return;
        await deps.batches.close(tx, batchId, { state, decidedBy, reason });
      });
    },
  };
}

export type PayoutBatchActivities = ReturnType<typeof createPayoutBatchActivities>;
