// The bare chain's worker, one process like a service's worker: the worker options the services use (Temporal's
// defaults, but for the share of polls on the task queue itself, TEMPORAL_NON_STICKY_POLL_RATIO, which the benchmark
// sets to the services' own) and one Postgres insert per activity. Environment: DATABASE_URL, BENCH_SCHEMA,
// TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE, TEMPORAL_NON_STICKY_POLL_RATIO.
import pg from 'pg';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

const schema = process.env.BENCH_SCHEMA;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
await pool.query(
  `CREATE TABLE IF NOT EXISTS "${schema}".bare_record (chain_id text NOT NULL, what text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
);

Runtime.install({ logger: new DefaultLogger('WARN') });
const { code } = await bundleWorkflowCode({
  workflowsPath: new URL('./workflows.js', import.meta.url).pathname,
  logger: new DefaultLogger('WARN'),
});
const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  taskQueue: process.env.TEMPORAL_TASK_QUEUE,
  workflowBundle: { code },
  activities: {
    async record(chainId, what) {
      await pool.query(`INSERT INTO "${schema}".bare_record (chain_id, what) VALUES ($1, $2)`, [chainId, what]);
    },
  },
  shutdownGraceTime: '10s',
  nonStickyToStickyPollRatio: Number(process.env.TEMPORAL_NON_STICKY_POLL_RATIO),
});
process.on('SIGTERM', () => worker.shutdown());
process.send?.('ready');
await worker.run();
await connection.close();
await pool.end();
