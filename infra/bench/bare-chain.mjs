// The bare-Temporal chain of the same shape, on the same Temporal server, driven with the same concurrency.
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { PlatformConfig } from '@jianfu/platform';
import { cpuTimeOf, machineCpu, perChain, pool, sleep, startProcess } from './lib.mjs';

export async function startBareWorker({ run, servers, logDir, name = 'bare-worker' }) {
  const taskQueue = `${run.taskQueuePrefix}-bare`;
  const worker = startProcess(
    name,
    new URL('./bare/worker.mjs', import.meta.url).pathname,
    {
      DATABASE_URL: servers.databaseUrl,
      BENCH_SCHEMA: `${run.schemaPrefix}_bare`,
      TEMPORAL_ADDRESS: servers.temporalAddress,
      TEMPORAL_NAMESPACE: servers.temporalNamespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      // The services' share of polls for new workflows (set in the environment, else their default), so the bare
      // worker polls as theirs do.
      TEMPORAL_NON_STICKY_POLL_RATIO: String(
        process.env.TEMPORAL_NON_STICKY_POLL_RATIO ?? new PlatformConfig().TEMPORAL_NON_STICKY_POLL_RATIO,
      ),
    },
    logDir,
  );
  await Promise.race([
    new Promise((resolve) => worker.child.once('message', resolve)),
    worker.exited.then(({ code }) => {
      throw new Error(`the bare worker exited (${code}); see ${logDir}/${name}.log`);
    }),
  ]);
  const connection = await Connection.connect({ address: servers.temporalAddress });
  const client = new Client({ connection, namespace: servers.temporalNamespace });
  return { worker, client, taskQueue, close: async () => (await worker.stop(), await connection.close()) };
}

async function bareChain(bare, run, index, communities) {
  const started = performance.now();
  const workflowId = `${run.taskQueuePrefix}-bare-${index}`;
  const handle = await bare.client.workflow.start('bareAdmission', {
    taskQueue: bare.taskQueue,
    workflowId,
    args: [{ chainId: workflowId, communities }],
  });
  const decide = (target, args) => target.executeUpdate('decide', { args: [args] });
  await decide(handle, { step: 'street-review' });
  const answers = await Promise.all(
    Array.from({ length: communities }, async (_, community) => {
      const t0 = performance.now();
      await decide(handle, { step: 'consultation', community });
      return performance.now() - t0;
    }),
  );
  await decide(handle, { step: 'committee' });
  await handle.result();
  const finance = bare.client.workflow.getHandle(`${workflowId}-finance`);
  for (;;) {
    try {
      await decide(finance, { step: 'awaiting-decision' });
      break;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      await sleep(20);
    }
  }
  await finance.result();
  return { totalMs: performance.now() - started, answers };
}

/**
 * Unmeasured chains run as the measured ones are, side by side, before a round: every code path they take is warm,
 * and a process that sat idle through the other side's round has its pools, caches and heap back in use.
 */
export async function warmUpBareChains(bare, run, { warmup, concurrency, communities }, round) {
  await pool(warmup, concurrency, (i) => bareChain(bare, run, `warmup-${round}-${i}`, communities));
}

/**
 * One measured round of the bare chain: `chains` chains, `concurrency` at a time. `serversCpu`: a snapshot of the
 * shared servers' CPU (lib.mjs `serverCpu`), billed per chain beside the worker's. Returns the round's raw figures,
 * which lib.mjs `roundsTogether` sums over the side's rounds.
 */
export async function runBareRound(bare, run, { chains, concurrency, communities }, serversCpu, round) {
  const results = [];
  const cpu = () => ({
    ...serversCpu(),
    [bare.worker.name]: cpuTimeOf(bare.worker.child.pid),
    'bench-driver': cpuTimeOf(process.pid),
  });
  const cpuBefore = cpu();
  const machineBefore = machineCpu();
  const started = performance.now();
  await pool(chains, concurrency, async (index) =>
    results.push(await bareChain(bare, run, `${round}-${index}`, communities)),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    round,
    chains,
    concurrency,
    seconds,
    results,
    // Each process's CPU over the round, in ms.
    cpuMs: perChain(cpuBefore, cpu(), 1),
    machine: { before: machineBefore, after: machineCpu() },
  };
}
