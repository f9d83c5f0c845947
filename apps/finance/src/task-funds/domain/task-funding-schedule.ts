import type { CommunityFunding, FundingPeriod } from '@jianfu/contracts';
import type { TaskFundingScheduleState } from '@jianfu/contracts/workflows';

/** The instalment schedule of a recurring task funded per period (按期拨付). */
export interface TaskFundingSchedule {
  taskId: string;
  submissionId: string;
  title: string;
  departmentId: string;
  districtCode: string;
  budgetYear: number;
  fundingPeriod: FundingPeriod;
  periodStart: string;
  periodEnd: string;
  /** Promised per community for the whole period. */
  funding: CommunityFunding[];
  totalFen: number;
  state: TaskFundingScheduleState;
  cancelReason: string | null;
  cancelledAt: Date | null;
  correlationId: string;
  admittedAt: Date;
}
