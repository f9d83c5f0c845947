import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  type BaseAllocationInput,
  type BaseAllocationProgress,
  baseAllocationProgress,
} from '@jianfu/contracts/workflows';
import type { BaseAllocationActivities } from './base-allocation.activities.js';

const { allocateBaseFundBatch, finishBaseAllocation } = proxyActivities<BaseAllocationActivities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '30s' },
});

/** Batches per run before the history is handed to a fresh run, keeping it short for any district size. */
const batchesPerRun = 100;

/**
 * 社区基本运转经费: pays every community of the district its base fund for the year, a page of communities
 * per activity. Interrupted anywhere, it resumes from its last completed page; a page repeated pays
 * nobody twice, because each community's payment is keyed by year and community.
 */
export async function baseAllocationWorkflow(input: BaseAllocationInput): Promise<BaseAllocationProgress> {
  let offset = input.offset ?? 0;
  const progress: BaseAllocationProgress = {
    state: 'running',
    communitiesSeen: offset,
    communitiesPaid: input.communitiesPaid ?? 0,
  };
  setHandler(baseAllocationProgress, () => progress);

  for (let batch = 0; ; batch++) {
    if (batch === batchesPerRun) {
      return continueAsNew<typeof baseAllocationWorkflow>({
        ...input,
        offset,
        communitiesPaid: progress.communitiesPaid,
      });
    }
    const { seen, paid } = await allocateBaseFundBatch({
      districtCode: input.districtCode,
      year: input.year,
      amountFen: input.amountFen,
      offset,
      limit: input.batchSize,
    });
    offset += seen;
    progress.communitiesSeen = offset;
    progress.communitiesPaid += paid;
    if (seen < input.batchSize) break;
  }
  await finishBaseAllocation(input.districtCode, input.year);
  progress.state = 'finished';
  return progress;
}
