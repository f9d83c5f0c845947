import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const probe = fileURLToPath(new URL('./support/stack-trace-probe.mjs', import.meta.url));

/**
 * What Temporal's stack trace query answers for a workflow of a worker made by `createServiceWorker`, with
 * `TEMPORAL_WORKFLOW_STACK_TRACES` as given. The worker runs in a process of its own, as a service's worker does:
 * the SDK's workflow threads take the variable from the real process environment, which Jest does not hand on.
 */
async function stackTraceQuery(stackTraces?: 'true' | 'false'): Promise<{ stack?: string; refused?: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TEMPORAL_ADDRESS: process.env.JIANFU_TEST_TEMPORAL_ADDRESS };
  if (stackTraces) env.TEMPORAL_WORKFLOW_STACK_TRACES = stackTraces;
  const { stdout } = await promisify(execFile)(process.execPath, [probe], { env, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { stack?: string; refused?: string };
}

// patches/@temporalio+worker+1.24.0.patch: the stack of every promise is what the query shows, and what costs.
describe('the stack traces of a service worker’s workflows', () => {
  it('are not kept by default: the stack trace query says so', async () => {
    expect(await stackTraceQuery()).toEqual({ refused: 'Workflow stack traces are not enabled on this worker' });
    expect(await stackTraceQuery('false')).toEqual({ refused: 'Workflow stack traces are not enabled on this worker' });
  });

  it('are kept when TEMPORAL_WORKFLOW_STACK_TRACES is true: the query shows where the workflow waits', async () => {
    const { stack } = await stackTraceQuery('true');
    expect(stack).toMatch(/at waitsForRelease \(.*stack-trace-probe\.workflow\.mjs:\d+:\d+\)/);
  });
});
