import { approvalProjectionActivitiesIn } from '@jianfu/approvals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { nestBackedWorkerFactory, type WorkerActivityDependencies } from '@jianfu/platform';
import { FinanceModule } from './app.module.js';
import { BaseAllocationsRepository } from './base-allocation/persistence/base-allocations.repository.js';
import { createBaseAllocationActivities } from './base-allocation/workflows/base-allocation.activities.js';
import type { FinanceConfig } from './config.js';
import { LedgerRepository } from './ledger/persistence/ledger.repository.js';
import { PayoutBatchesRepository } from './payouts/persistence/payout-batches.repository.js';
import { createPayoutBatchActivities } from './payouts/workflows/payout-batch.activities.js';
import { TaskFundTransfersRepository } from './task-funds/persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from './task-funds/persistence/task-funding-schedules.repository.js';
import { createTaskFundTransferActivities } from './task-funds/workflows/task-fund-transfer.activities.js';

/** Every activity of the finance worker: the task fund transfer saga, the base allocation and payouts. */
export function financeActivities({ context, transactions, events }: WorkerActivityDependencies<FinanceConfig>) {
  return {
    ...createTaskFundTransferActivities({
      transactions,
      ledger: context.get(LedgerRepository),
      transfers: context.get(TaskFundTransfersRepository),
      schedules: context.get(TaskFundingSchedulesRepository),
      directory: context.get(CommunityDirectoryRepository),
      events,
    }),
    ...createBaseAllocationActivities({
      transactions,
      ledger: context.get(LedgerRepository),
      directory: context.get(CommunityDirectoryRepository),
      allocations: context.get(BaseAllocationsRepository),
    }),
    ...createPayoutBatchActivities({
      transactions,
      ledger: context.get(LedgerRepository),
      batches: context.get(PayoutBatchesRepository),
    }),
    ...approvalProjectionActivitiesIn(context, 'finance'),
  };
}

/** The finance service's Temporal worker. */
export const createFinanceWorker = nestBackedWorkerFactory({
  workerModule: (config: FinanceConfig) => FinanceModule.forWorker(config),
  activities: financeActivities,
});
