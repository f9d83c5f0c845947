import { defineQuery } from '@temporalio/workflow';

/** Input of `baseAllocationWorkflow`: one district's yearly base operating fund (社区基本运转经费). */
export interface BaseAllocationInput {
  districtCode: string;
  year: number;
  /** Fixed when the run starts, so a change of the standard mid-run never splits a year. */
  amountFen: number;
  /** Communities paid per activity. */
  batchSize: number;
  /** Where a continued run resumes: communities already walked past, and what it has done so far. */
  offset?: number;
  communitiesPaid?: number;
}

export interface BaseAllocationProgress {
  state: 'running' | 'finished';
  communitiesSeen: number;
  communitiesPaid: number;
}

export const baseAllocationWorkflowType = 'baseAllocationWorkflow';

/** One workflow per run: a rerun (for communities added later) never collides with a run still closing. */
export function baseAllocationWorkflowId(districtCode: string, year: number, runId: string): string {
  return `base-allocation-${districtCode}-${year}-${runId}`;
}

export const baseAllocationProgress = defineQuery<BaseAllocationProgress>('baseAllocationProgress');
