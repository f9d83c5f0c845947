// The bare-Temporal chain of the same shape, on the same Temporal server, driven with the same concurrency.
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { cpuTimeOf, machineCpu, machineCpuShares, pool, sleep, startProcess, summarize } from './lib.mjs';
import { perChain } from './platform-chain.mjs';

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
 * One round of the bare chain: `chains` chains, `concurrency` at a time, after `warmup` unmeasured ones. `serversCpu`:
 * a snapshot of the shared servers' CPU (lib.mjs `serverCpu`), billed per chain beside the worker's. The round keeps
 * its raw figures so that rounds run apart (before and after the platform's phase) are summed by `bareChainRounds`.
 */
export async function runBareChains(
  bare,
  run,
  { chains, concurrency, communities, warmup },
  serversCpu = () => ({}),
  round = 1,
) {
  // The warm-up runs as the measured chains do, side by side, so every code path the measured chains take is warm.
  await pool(warmup, concurrency, (i) => bareChain(bare, run, `${round}-warmup-${i}`, communities));
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
    chains,
    concurrency,
    seconds,
    results,
    // Each process's CPU over the round, in ms.
    cpuMs: perChain(cpuBefore, cpu(), 1),
    machine: { before: machineBefore, after: machineCpu() },
  };
}

/**
 * The bare chain's figures over its rounds: chains/s is all the rounds' chains over all their measured seconds, and
 * the CPU per chain is over all their chains; each round's own figures beside them.
 */
export function bareChainRounds(rounds) {
  const chains = rounds.reduce((sum, r) => sum + r.chains, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const cpuMs = {};
  for (const r of rounds) for (const [name, ms] of Object.entries(r.cpuMs)) cpuMs[name] = (cpuMs[name] ?? 0) + ms;
  const machine = (r) => ({
    busy: r.machine.after.busy - r.machine.before.busy,
    idle: r.machine.after.idle - r.machine.before.idle,
    iowait: r.machine.after.iowait - r.machine.before.iowait,
  });
  const summed = rounds
    .map(machine)
    .reduce((sum, m) => ({ busy: sum.busy + m.busy, idle: sum.idle + m.idle, iowait: sum.iowait + m.iowait }), {
      busy: 0,
      idle: 0,
      iowait: 0,
    });
  const perSecond = (n, s) => Math.round((n / s) * 1000) / 1000;
  const zero = (counters) => Object.fromEntries(Object.keys(counters).map((name) => [name, 0]));
  return {
    chains,
    concurrency: rounds[0].concurrency,
    seconds: Math.round(seconds * 100) / 100,
    chainsPerSecond: perSecond(chains, seconds),
    latencyMs: summarize(rounds.flatMap((r) => r.results.map((c) => c.totalMs))),
    secretaryAnswerMs: summarize(rounds.flatMap((r) => r.results.flatMap((c) => c.answers))),
    cpuMsPerChain: perChain(zero(cpuMs), cpuMs, chains),
    machineCpu: machineCpuShares({ busy: 0, idle: 0, iowait: 0 }, summed),
    rounds: rounds.map((r) => ({
      chains: r.chains,
      seconds: Math.round(r.seconds * 100) / 100,
      chainsPerSecond: perSecond(r.chains, r.seconds),
      cpuMsPerChain: perChain(zero(r.cpuMs), r.cpuMs, r.chains),
      machineCpu: machineCpuShares(r.machine.before, r.machine.after),
    })),
  };
}
