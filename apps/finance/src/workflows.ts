// The entry of this service's workflow bundle: workflows only, so the bundle holds no I/O code.
export { taskFundTransferWorkflow } from './task-funds/workflows/task-fund-transfer.workflow.js';
export { taskFundingScheduleWorkflow } from './task-funds/workflows/task-funding-schedule.workflow.js';
export { baseAllocationWorkflow } from './base-allocation/workflows/base-allocation.workflow.js';
export { payoutBatchWorkflow } from './payouts/workflows/payout-batch.workflow.js';
