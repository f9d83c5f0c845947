import {
  ApprovalAuditRepository,
  ApprovalInboxRepository,
  createApprovalProjectionActivities,
} from '@jianfu/approvals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import type { INestApplicationContext } from '@nestjs/common';
import { createNestBackedWorker, EventPublisher, type NestBackedWorker, TransactionRunner } from '@jianfu/platform';
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

/** The finance service's Temporal worker: the task fund transfer saga, the base allocation and payouts. */
export function createFinanceWorker(
  config: FinanceConfig,
  workflowBundle: { code: string } | { codePath: string },
): Promise<NestBackedWorker> {
  return createNestBackedWorker({
    module: FinanceModule.forWorker(config),
    config,
    workflowBundle,
    activities: financeActivities,
  });
}

/** Every activity of the finance worker, taking its dependencies from the worker's Nest context. */
export function financeActivities(context: INestApplicationContext) {
  return {
    ...createTaskFundTransferActivities({
      transactions: context.get(TransactionRunner),
      ledger: context.get(LedgerRepository),
      transfers: context.get(TaskFundTransfersRepository),
      schedules: context.get(TaskFundingSchedulesRepository),
      directory: context.get(CommunityDirectoryRepository),
      events: context.get(EventPublisher),
    }),
    ...createBaseAllocationActivities({
      transactions: context.get(TransactionRunner),
      ledger: context.get(LedgerRepository),
      directory: context.get(CommunityDirectoryRepository),
      allocations: context.get(BaseAllocationsRepository),
    }),
    ...createPayoutBatchActivities({
      transactions: context.get(TransactionRunner),
      ledger: context.get(LedgerRepository),
      batches: context.get(PayoutBatchesRepository),
    }),
    ...createApprovalProjectionActivities({
      transactions: context.get(TransactionRunner),
      inbox: context.get(ApprovalInboxRepository),
      audit: context.get(ApprovalAuditRepository),
      events: { publisher: context.get(EventPublisher), service: 'finance' },
    }),
  };
}
