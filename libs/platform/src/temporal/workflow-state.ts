import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';

/**
 * A workflow's answer to one of its queries, for a read that shows where the workflow stands beside the service's
 * own rows. Null when it gives none (no such workflow, its history is gone, or the query fails): the rows stay the
 * record, and a read never fails for want of the workflow's detail.
 */
export async function readWorkflowState<Result>(
  client: Client,
  workflowId: string,
  query: QueryDefinition<Result, []>,
): Promise<Result | null> {
  try {
    return await client.workflow.getHandle(workflowId).query(query);
  } catch {
    return null;
  }
}
