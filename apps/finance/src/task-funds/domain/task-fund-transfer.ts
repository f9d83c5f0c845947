import type { CommunityFunding } from '@jianfu/contracts';
import type { TaskFundDecision, TaskFundTransferState } from '@jianfu/contracts/workflows';

/** A task fund transfer (费随事转): one payment of an admitted task's funds to its communities, and where it stands. */
export interface TaskFundTransfer {
  taskId: string;
  transferId: string;
  submissionId: string;
  title: string;
  departmentId: string;
  districtCode: string;
  budgetYear: number;
  /** The instalment this transfer pays when the task is funded per period; null when funded once. */
  period: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  funding: CommunityFunding[];
  totalFen: number;
  state: TaskFundTransferState;
  lastDecision: TaskFundDecision | null;
  failureCode: string | null;
  failureReason: string | null;
  correlationId: string;
  admittedAt: Date;
  updatedAt: Date;
}
