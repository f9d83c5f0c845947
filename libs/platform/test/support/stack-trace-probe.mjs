// Run by workflow-stack-traces.int-spec.ts as a process of its own, as a service's worker runs: a worker made by
// `createServiceWorker` with the process's environment runs one waiting workflow; the probe prints what Temporal's
// stack trace query answers for it (`{ stack }` or `{ refused }`), then releases it and stops. Needs the platform
// library built.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
// The built library, as a service's worker process loads it.
import { createServiceWorker } from '../../dist/index.js';

const config = {
  LOG_LEVEL: 'error',
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_TLS: 'false',
  TEMPORAL_WORKFLOW_STACK_TRACES: process.env.TEMPORAL_WORKFLOW_STACK_TRACES ?? 'false',
};
const taskQueue = `stack-trace-probe-${randomUUID()}`;
const workflowBundle = await bundleWorkflowCode({
  workflowsPath: fileURLToPath(new URL('./stack-trace-probe.workflow.mjs', import.meta.url)),
  logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
});
const { worker, connection } = await createServiceWorker({ config, taskQueue, workflowBundle, activities: {} });
const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
const client = new Client({ connection: clientConnection });
try {
  const answer = await worker.runUntil(async () => {
    const handle = await client.workflow.start('waitsForRelease', { taskQueue, workflowId: taskQueue });
    const queried = await handle.query('__stack_trace').then(
      (stack) => ({ stack }),
      (error) => ({ refused: error.message }),
    );
    await handle.signal('release');
    await handle.result();
    return queried;
  });
  process.stdout.write(`${JSON.stringify(answer)}\n`);
} finally {
  await clientConnection.close();
  await connection.close();
}
