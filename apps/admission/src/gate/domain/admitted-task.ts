/**
 * Where an admitted task stands, as the API shows it. `not-required`: one-off work declared unfunded (无经费事项),
 * which the gate treats as funded by rule; `suspended`: funded before, but an instalment failed, so it is off the
 * lists until a later instalment is paid.
 */
export const taskFundingStatuses = ['awaiting', 'funded', 'failed', 'not-required', 'suspended'] as const;
export type TaskFundingStatus = (typeof taskFundingStatuses)[number];

/** A task on a community: on its list only while `dispatched` (then `done`); `suspended` and `cancelled` are off it. */
export const communityTaskStatuses = ['admitted', 'dispatched', 'done', 'suspended', 'cancelled'] as const;
export type CommunityTaskStatus = (typeof communityTaskStatuses)[number];

/** What kind of demand was pushed on the community: a task, or one of the demands seed 002 cut beside tasks. */
export const demandKinds = ['task', 'meeting', 'ledger', 'seal', 'plaque'] as const;
export type DemandKind = (typeof demandKinds)[number];

/** An admitted task (准入事项) as it is read back. */
export interface TaskView {
  taskId: string;
  submissionId: string;
  departmentId: string;
  title: string;
  recurrence: string;
  periodStart: string;
  periodEnd: string;
  budgetYear: number;
  requiredLedgers: string[];
  evaluation: string | null;
  fundingStatus: TaskFundingStatus;
  /** Funded per month, quarter or year (按期拨付); null when funded once. */
  fundingPeriod: string | null;
  totalFen: number;
  /** What finance reported paid so far (instalments add up). */
  paidFen: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
  admittedAt: Date;
  fundedAt: Date | null;
}

/** An admitted task as it reached one community. */
export interface CommunityTaskView extends TaskView {
  communityId: string;
  amountFen: number;
  status: CommunityTaskStatus;
  dispatchedAt: Date | null;
  doneAt: Date | null;
}

/** Work pushed on a community outside admission (违规摊派): refused at the gate, or reported by the community. */
export interface ViolationView {
  id: string;
  districtCode: string;
  departmentId: string;
  communityId: string;
  taskId: string | null;
  code: string;
  reason: string;
  reportedBy: string;
  source: 'gate' | 'community';
  kind: DemandKind;
  recordedAt: Date;
}

/** 费随事转: the money arrived, or the task is one-off work admitted as needing none (funded by rule). */
export function fundedOrNotRequired(status: TaskFundingStatus): boolean {
  return status === 'funded' || status === 'not-required';
}
