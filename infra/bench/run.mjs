// `npm run bench` (after `npm run build`): the platform's full chain beside a bare-Temporal chain of the same
// shape on the same server, the raw kafkajs produce → consume latency beside the platform's outbox → inbox hop,
// and the resident memory of every process. Writes .local/bench/<time>.json (and latest.json), prints a table.
//
// Servers: DATABASE_URL / KAFKA_BROKERS / TEMPORAL_ADDRESS, else the shared test servers (JIANFU_TEST_*), else the
// dev stack. Everything runs in names of its own (schemas bench_<id>_*, topic prefix bench.<id>., task queues
// bench-<id>-*), so other suites on the same servers are never touched; the run drops what it created.
//
// Parameters (`npm run bench -- --chains=200 --concurrency=32`, or BENCH_<NAME> in the environment):
//   chains (200), concurrency (32), communities (10) consulted per chain, waitSeconds (20: how long each of the
//   driver's reads waits for its resource to change, `Prefer: wait`; 0 polls instead), pollMs (100) between the
//   read-model polls a client makes when it does not wait, and before an action is tried again, warmup (32)
//   unmeasured chains run as the measured ones are, `concurrency` at a time, before every round, hopEvents (300) and hopRate (20/s) for
//   the hop phases, rounds (2: each side's measured chains split into this many rounds, run bare, platform,
//   platform, bare, ... with both sides' processes up; each side's figures are its rounds together),
//   consult (100) communities answering one consultation at once and consultRounds (2) such consultations (0 skips
//   the phase; it takes its communities from the hop phase, so consult ≤ hopEvents),
//   keep (0; 1 keeps the schemas and topics for a look afterwards), chainProfile (0; 1 runs every platform process
//   under the V8 profiler during the measured chains, counting its SQL statements too: a summary per process in the results, the profiles in the logs), temporal (dev: the Temporal server named above;
//   postgres: a temporal-server with Postgres persistence, started by infra/local/temporal-postgres.sh on the same
//   Postgres, built once from the Go module; both: the chain phases on each, one after the other); the API phase's (api-path.mjs): apiSeconds (10)
//   per step, apiCommunities (200) listed, apiConcurrency (32) callers at saturation, apiReadRates (100,300,500),
//   apiCommandRates (50,100), apiProfile (0; 1 profiles the organization process under load), apiOrganizationEnv
//   (`NAME=value;…` for the organization process).
//   allocationCommunities (1000,10000,100000: the base allocation's runs, finance's own benchmark beside bare pg
//   writing the same rows; empty skips them).
// `--only=api` runs the API phase alone, `--only=chains` the chain and hop phases, `--only=allocation` the base
// allocation alone.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { runBareRound, startBareWorker, warmUpBareChains } from './bare-chain.mjs';
import { runBaseAllocations } from './base-allocation.mjs';
import { rawKafkaHop } from './kafka-raw.mjs';
import { apiDefaults, apiRatios, printApiTable, runApiPhase } from './api-path.mjs';
import { memoryOf, perSecond, roundOrder, roundsTogether, serverCpu, shares } from './lib.mjs';
import { Client, Connection } from '@temporalio/client';
import {
  consultationAtOnce,
  financeHopBreakdown,
  idleCpuPerSecond,
  platformChainRounds,
  platformHopAtRate,
  platformHops,
  preparePlatform,
  runPlatformRound,
  startPlatform,
  temporalBreakdown,
  warmUpPlatformChains,
} from './platform-chain.mjs';

const defaults = {
  // The issue's shape: 200 chains, 32 at a time, after one round of 32 unmeasured ones.
  chains: 200,
  concurrency: 32,
  communities: 10,
  pollMs: 100,
  waitSeconds: 20,
  warmup: 32,
  // Each side's measured chains in this many rounds, run bare, platform, platform, bare, ... (see docs/performance.md).
  rounds: 2,
  hopEvents: 300,
  hopRate: 20,
  consult: 100,
  consultRounds: 2,
  keep: 0,
  temporal: 'dev',
  chainProfile: 0,
  // Communities per base-allocation run, comma-separated; empty skips the phase.
  allocationCommunities: '1000,10000,100000',
  ...apiDefaults,
};
const option = (name) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ??
  process.env[`BENCH_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
const params = Object.fromEntries(
  Object.entries(defaults).map(([name, value]) => {
    const given = option(name) ?? value;
    return [name, typeof value === 'number' ? Number(given) : String(given)];
  }),
);
const only = option('only');
const apiOnly = only === 'api';
const chainsOnly = only === 'chains';
const allocationOnly = only === 'allocation';
const servers = {
  databaseUrl:
    process.env.DATABASE_URL ??
    process.env.JIANFU_TEST_DATABASE_URL ??
    'postgres://jianfu:jianfu@127.0.0.1:5432/jianfu',
  kafkaBrokers: process.env.KAFKA_BROKERS ?? process.env.JIANFU_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092',
  temporalAddress: process.env.TEMPORAL_ADDRESS ?? process.env.JIANFU_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  temporalNamespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
};
const id = randomBytes(3).toString('hex');
const run = { id, schemaPrefix: `bench_${id}`, topicPrefix: `bench.${id}.`, taskQueuePrefix: `bench-${id}` };
// The names of the chain phases on the Postgres-backed Temporal when a run has both: inside the run's own
// prefixes, so the clean-up finds them.
const pgRun = {
  id: `${id}pg`,
  schemaPrefix: `bench_${id}_pg`,
  topicPrefix: `bench.${id}.pg.`,
  taskQueuePrefix: `bench-${id}-pg`,
};
// `both` compares servers of the benchmark's own (the shared test server also serves every other suite running).
const temporalTargets = { dev: ['dev'], sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[
  params.temporal
];
if (!temporalTargets) throw new Error(`--temporal is dev, sqlite, postgres or both, not ${params.temporal}`);
const repo = new URL('../../', import.meta.url).pathname;
const outDir = `${repo}.local/bench`;
const logDir = `${outDir}/logs-${id}`;
mkdirSync(logDir, { recursive: true });
const log = (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const db = new pg.Pool({ connectionString: servers.databaseUrl, max: 2 });
const loadBefore = os.loadavg();
const startedAt = new Date();
const result = {
  startedAt: startedAt.toISOString(),
  run: id,
  params,
  servers,
  machine: { cpus: os.cpus().length, totalMemMiB: Math.round(os.totalmem() / 2 ** 20) },
};
const memory = {};

let bare;
let platform;
const ownTemporal = {};
try {
  log(`run ${id}: ${JSON.stringify(params)}${only ? `, only ${only}` : ''}; logs in ${logDir}`);
  if (!apiOnly && !allocationOnly) {
    for (const [index, target] of temporalTargets.entries()) {
      // The first target's figures stay where a run with one target puts them; the second's go under `postgres`.
      const into = index === 0 ? result : (result.postgres = {});
      if (target !== 'dev') ownTemporal[target] = await startOwnTemporal(target);
      const temporalAddress = ownTemporal[target]?.address ?? servers.temporalAddress;
      result.temporal ??= {};
      result.temporal[target] = { address: temporalAddress, ...ownTemporal[target]?.about };
      await chainAndHopPhases({
        into,
        target,
        run: index === 0 ? run : pgRun,
        servers: { ...servers, temporalAddress },
        memoryPrefix: index === 0 ? '' : 'pg-',
        kafkaRaw: index === 0,
      });
    }
  }
  const allocationSizes = params.allocationCommunities.split(',').filter(Boolean).map(Number);
  if (!only || allocationOnly) {
    log(`base allocation for ${allocationSizes.join(' / ')} communities, beside bare pg writing the same rows`);
    result.baseAllocation = await runBaseAllocations(
      { servers, db, schema: `${run.schemaPrefix}_allocation` },
      allocationSizes,
      log,
    );
  }
  if (!chainsOnly && !allocationOnly) {
    log('API: one organization process beside a bare node:http + pg handler, open loop');
    result.api = await runApiPhase({ run, servers, logDir, params, log });
    memory['api-organization'] = result.api.memory.organization;
    memory['api-bare'] = result.api.memory.bare;
  }
} finally {
  memory['bench-driver'] = memoryOf(process.pid);
  result.memory = memory;
  await bare?.close().catch(() => undefined);
  await platform?.stop().catch(() => undefined);
  for (const own of Object.values(ownTemporal)) if (own.startedHere) await own.stop().catch(() => undefined);
  if (!params.keep) await cleanUp().catch((error) => log(`clean-up incomplete: ${error.message}`));
  await db.end();
}

/**
 * A Temporal server of the benchmark's own, on ports of its own, stopped at the end when this run started it:
 * `postgres`, the server with Postgres persistence (infra/local/temporal-postgres.sh: built once from the Go module,
 * the first time takes minutes; its databases on the benchmark's Postgres); `sqlite`, the dev server as the test
 * profile runs it (infra/local/temporal.sh, SQLite file) but serving this run alone.
 */
async function startOwnTemporal(kind) {
  const script = `${repo}infra/local/${kind === 'postgres' ? 'temporal-postgres.sh' : 'temporal.sh'}`;
  const env =
    kind === 'postgres'
      ? { ...process.env, JIANFU_TEMPORAL_PG_URL: servers.databaseUrl }
      : {
          ...process.env,
          JIANFU_INFRA_HOME: `${repo}.local/bench-temporal-sqlite`,
          JIANFU_TEMPORAL_PORT: process.env.JIANFU_BENCH_SQLITE_TEMPORAL_PORT ?? '27500',
          JIANFU_TEMPORAL_UI_PORT: process.env.JIANFU_BENCH_SQLITE_TEMPORAL_UI_PORT ?? '27501',
          JIANFU_TEMPORAL_DB: '',
        };
  const sh = (command) =>
    new Promise((resolve, reject) => {
      execFile('bash', [script, command], { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
        error && command !== 'status'
          ? reject(new Error(`${script} ${command} failed: ${stderr.trim().split('\n').slice(-5).join(' | ')}`))
          : resolve({ ok: !error, stdout: stdout.trim(), stderr }),
      );
    });
  const runningBefore = (await sh('status')).ok;
  log(`Temporal (${kind}) of the benchmark's own: ${runningBefore ? 'already running' : 'starting'}`);
  if (!runningBefore) await sh('start');
  const address = kind === 'postgres' ? (await sh('address')).stdout : `127.0.0.1:${env.JIANFU_TEMPORAL_PORT}`;
  return {
    address,
    startedHere: !runningBefore,
    about:
      kind === 'postgres'
        ? {
            server: `temporal-server ${process.env.JIANFU_TEMPORAL_SERVER_VERSION ?? '1.32.0'}`,
            persistence: 'postgres12 (default and visibility stores)',
            historyShards: Number(process.env.JIANFU_TEMPORAL_PG_SHARDS ?? 4),
          }
        : { server: 'temporal server start-dev (CLI 1.9.1, server 1.32.0)', persistence: 'SQLite file' },
    stop: () => sh('stop'),
  };
}

async function chainAndHopPhases({ into, target, run, servers, memoryPrefix, kafkaRaw }) {
  const label = `[temporal ${target}] `;
  log(`${label}bare Temporal chain: starting its worker`);
  bare = await startBareWorker({ run, servers, logDir, name: `${memoryPrefix}bare-worker` });

  if (kafkaRaw) {
    log('raw kafkajs produce → consume');
    result.kafkaRaw = await rawKafkaHop({ run, servers }, { events: params.hopEvents, rate: params.hopRate });
    log(`raw kafka: p50 ${result.kafkaRaw.latencyMs.p50} ms, p99 ${result.kafkaRaw.latencyMs.p99} ms`);
  }

  log(`${label}platform: starting organization, admission (API + worker), finance (API + worker)`);
  platform = await startPlatform({
    run,
    servers,
    logDir,
    namePrefix: memoryPrefix,
    ...(params.chainProfile ? { profileDir: logDir } : {}),
  });
  const setup = await preparePlatform(platform, params);
  log(`${label}platform: outbox → inbox hop at a fixed rate`);
  const { communityIds: hopCommunityIds, ...hop } = await platformHopAtRate(platform, db, run.schemaPrefix, {
    events: params.hopEvents,
    rate: params.hopRate,
  });
  into.platformHop = hop;
  log(`${label}platform hop: p50 ${into.platformHop.totalMs.p50} ms, p99 ${into.platformHop.totalMs.p99} ms`);

  // Both chains run from here on with both sides' processes up: the platform's idle while the bare chain runs,
  // the bare worker idle while the platform's runs. Each round follows a warm-up of its own side.
  const order = roundOrder(params.rounds);
  const sizes = shares(params.chains, params.rounds);
  const rounds = { bare: [], platform: [] };
  let profiles;
  const chainsSince = new Date();
  for (const [index, side] of order.entries()) {
    const round = rounds[side].length + 1;
    const chains = sizes[round - 1];
    if (side === 'platform') {
      await warmUpPlatformChains(platform, setup, params, round);
      // The profile (`chainProfile`) covers the platform's first measured round.
      if (round === 1) await platform.profile('start');
      const firstIndex = rounds.platform.reduce((sum, r) => sum + r.chains, 0);
      rounds.platform.push(
        await runPlatformRound(platform, setup, { ...params, chains }, serverCpu(servers), round, firstIndex),
      );
      if (round === 1) {
        await platform.profile('stop');
        profiles = platform.profiles(chains);
      }
    } else {
      await warmUpBareChains(bare, run, params, round);
      rounds.bare.push(await runBareRound(bare, run, { ...params, chains }, serverCpu(servers), round));
    }
    const last = rounds[side].at(-1);
    log(
      `${label}round ${index + 1} of ${order.length}: ${side === 'bare' ? 'bare chain' : 'platform chain'}, ` +
        `${chains} chains, ${perSecond(last.chains, last.seconds)} chains/s`,
    );
  }
  into.bareChain = roundsTogether(rounds.bare);
  into.platformChain = platformChainRounds(rounds.platform);
  // Which side each of the run's rounds was, in the order run.
  into.roundOrder = order;
  if (profiles) into.platformChain.profiles = profiles;
  into.platformChain.idleCpuMsPerSecond = await idleCpuPerSecond(platform, serverCpu(servers));
  // The hops of the measured chains alone: their warm-ups' events, sent in the same window, are left out.
  const measuredTaskIds = into.platformChain.chainIds.map((chain) => chain.taskId);
  into.platformChain.hops = await platformHops(db, run.schemaPrefix, chainsSince, measuredTaskIds);
  const connection = await Connection.connect({ address: servers.temporalAddress });
  const temporal = new Client({ connection, namespace: servers.temporalNamespace });
  into.platformChain.financeHop = await financeHopBreakdown(db, temporal, run.schemaPrefix, measuredTaskIds);
  const { breakdown, workflowTasksTimedOut } = await temporalBreakdown(temporal, into.platformChain.chainIds);
  into.platformChain.temporalBreakdown = breakdown;
  into.platformChain.workflowTasksTimedOut = workflowTasksTimedOut;
  log(
    `${label}bare chain: ${into.bareChain.chainsPerSecond} chains/s, p50 ${into.bareChain.latencyMs.p50} ms; ` +
      `platform chain: ${into.platformChain.chainsPerSecond} chains/s, p50 ${into.platformChain.latencyMs.p50} ms`,
  );
  memory[`${memoryPrefix}bare-worker`] = bare.worker.memory();
  await bare.close();
  bare = undefined;
  if (params.consult > 0 && params.consultRounds > 0) {
    if (hopCommunityIds.length < params.consult) throw new Error('consult needs at least as many hopEvents');
    log(
      `${label}platform: ${params.consult} communities answering one consultation at once, ${params.consultRounds} times`,
    );
    into.consultation = await consultationAtOnce(
      platform,
      setup,
      temporal,
      hopCommunityIds.slice(0, params.consult),
      params,
    );
    log(`${label}consultation: all answered in ${into.consultation.allAnsweredMs.max} ms at most`);
  }
  await connection.close();
  for (const p of platform.processes) memory[p.name] = p.memory();
  await platform.stop();
  platform = undefined;
}

result.finishedAt = new Date().toISOString();
result.machine.loadAverageBefore = loadBefore.map((l) => Math.round(l * 100) / 100);
result.machine.loadAverageAfter = os.loadavg().map((l) => Math.round(l * 100) / 100);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const chainRatios = (r) => ({
  chainsPerSecondPlatformOverBare: ratio(r.platformChain.chainsPerSecond, r.bareChain.chainsPerSecond),
  chainP50PlatformOverBare: ratio(r.platformChain.latencyMs.p50, r.bareChain.latencyMs.p50),
  chainP99PlatformOverBare: ratio(r.platformChain.latencyMs.p99, r.bareChain.latencyMs.p99),
  hopP50PlatformOverRaw: ratio(r.platformHop.totalMs.p50, result.kafkaRaw.latencyMs.p50),
  hopP99PlatformOverRaw: ratio(r.platformHop.totalMs.p99, result.kafkaRaw.latencyMs.p99),
});
result.ratios = apiOnly || allocationOnly ? {} : chainRatios(result);
if (result.postgres) {
  result.postgres.ratios = chainRatios(result.postgres);
  // The same figures on the two servers, within one run: how Postgres persistence moves them.
  result.postgres.overDev = {
    bareChainsPerSecond: ratio(result.postgres.bareChain.chainsPerSecond, result.bareChain.chainsPerSecond),
    platformChainsPerSecond: ratio(result.postgres.platformChain.chainsPerSecond, result.platformChain.chainsPerSecond),
    bareChainP50: ratio(result.postgres.bareChain.latencyMs.p50, result.bareChain.latencyMs.p50),
    platformChainP50: ratio(result.postgres.platformChain.latencyMs.p50, result.platformChain.latencyMs.p50),
    consultationAllAnsweredMean: ratio(
      result.postgres.consultation?.allAnsweredMs.mean,
      result.consultation?.allAnsweredMs.mean,
    ),
  };
}
if (result.api) result.ratios.api = apiRatios(result.api);
const file = `${outDir}/${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${outDir}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
if (!apiOnly && !allocationOnly) {
  printTable({ ...result, temporalLabel: temporalTargets[0] });
  if (result.postgres) printTable({ ...result, ...result.postgres, temporalLabel: 'postgres' });
}
if (apiOnly) {
  console.log(
    `\nload average ${result.machine.loadAverageBefore[0]} → ${result.machine.loadAverageAfter[0]} on ${result.machine.cpus} cores`,
  );
}
if (result.baseAllocation) {
  console.log(
    '\nbase allocation (one payment per community, pages of 500)   platform s (/s)   rerun s   bare pg s (/s)   ratio',
  );
  for (const r of result.baseAllocation) {
    console.log(
      `  ${String(r.communities).padEnd(58)} ` +
        `${`${r.platform.first.seconds} (${r.platform.first.perSecond})`.padEnd(17)} ` +
        `${String(r.platform.rerun.seconds).padEnd(9)} ${`${r.bare.seconds} (${r.bare.perSecond})`.padEnd(16)} ` +
        `${r.communitiesPerSecondPlatformOverBare}`,
    );
  }
}
if (result.api) printApiTable(result.api);
if (apiOnly) {
  console.log('resident memory MiB now / peak:');
  for (const [name, m] of Object.entries(result.memory))
    console.log(`  ${name.padEnd(20)} ${m.rssMiB} / ${m.peakRssMiB}`);
}
console.log(`\nresults: ${file}`);

function printTable(r) {
  const p = (s) => `${s.p50} / ${s.p99}`;
  const rows = [
    ['measure', 'platform', 'baseline', 'ratio'],
    [
      'chains/s',
      r.platformChain.chainsPerSecond,
      `${r.bareChain.chainsPerSecond} (bare Temporal)`,
      r.ratios.chainsPerSecondPlatformOverBare,
    ],
    [
      'chain p50 / p99 ms',
      p(r.platformChain.latencyMs),
      p(r.bareChain.latencyMs),
      `${r.ratios.chainP50PlatformOverBare} / ${r.ratios.chainP99PlatformOverBare}`,
    ],
    [
      'secretary answer p50 / p99 ms',
      p(r.platformChain.secretaryAnswerMs),
      p(r.bareChain.secretaryAnswerMs),
      ratio(r.platformChain.secretaryAnswerMs.p50, r.bareChain.secretaryAnswerMs.p50),
    ],
    [
      `hop p50 / p99 ms at ${r.params.hopRate}/s`,
      p(r.platformHop.totalMs),
      `${p(r.kafkaRaw.latencyMs)} (raw kafkajs)`,
      `${r.ratios.hopP50PlatformOverRaw} / ${r.ratios.hopP99PlatformOverRaw}`,
    ],
    ['  of which relay (outbox → broker ack)', p(r.platformHop.relayMs), '', ''],
    ['hops in the chain run p50 / p99 ms', p(r.platformChain.hops.all.totalMs), '', ''],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  console.log(
    `\nTemporal: ${r.temporalLabel} (${r.temporal?.[r.temporalLabel]?.address ?? r.servers.temporalAddress}); ` +
      `${r.params.chains} chains, ${r.params.concurrency} at a time, ${r.params.communities} communities each; load average ${r.machine.loadAverageBefore[0]} → ${r.machine.loadAverageAfter[0]} on ${r.machine.cpus} cores`,
  );
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padEnd(widths[c])).join('  '));
  console.log('\nchain stages p50 / p99 ms:');
  for (const [stage, s] of Object.entries(r.platformChain.stagesMs)) console.log(`  ${stage.padEnd(30)} ${p(s)}`);
  console.log('hops in the chain run by event, total (relay) p50 / p99 ms:');
  for (const [type, h] of Object.entries(r.platformChain.hops.byEventType))
    console.log(`  ${type.padEnd(40)} ${p(h.totalMs)} (${p(h.relayMs)})`);
  const f = r.platformChain.financeHop;
  console.log(
    `admitted → finance, p50 / p99 ms: outbox → inbox ${p(f.outboxToInboxMs)}, inbox → workflow started ${p(f.inboxToWorkflowStartedMs)}, ` +
      `the rest of admittedToFinanceReservation is Temporal (workflow tasks and activities until the step opens)`,
  );
  const t = r.platformChain.temporalBreakdown;
  if (t) {
    console.log("from the workflows' histories, p50 / p99 ms:");
    for (const [what, s] of Object.entries(t)) console.log(`  ${what.padEnd(58)} ${p(s)}`);
  }
  const lost = r.platformChain.workflowTasksTimedOut;
  if (lost) {
    console.log(
      `workflow tasks that timed out (taken, never completed): ${lost.tasks}, in ${lost.withTimedOutTask} of the ` +
        `${lost.workflows} workflows read`,
    );
  }
  console.log(`actions refused as approval.step-not-open and tried again: ${r.platformChain.stepNotOpenRetries}`);
  const made = r.platformChain.requestsPerChain;
  if (made)
    console.log(
      `the driver's requests per chain: ${made.reads} ${params.waitSeconds ? 'reads, each waiting for a change' : 'read-model polls'}, ${made.commands} commands`,
    );
  const profiled = r.platformChain.profiles;
  if (profiled) {
    console.log(
      `SQL statements per chain (chainProfile): ${Object.entries(profiled)
        .map(([name, profile]) => `${name} ${profile.queriesPerChain.total}`)
        .join(', ')}`,
    );
  }
  console.log('CPU ms per chain by process (10 ms ticks over the measured chains), platform / bare:');
  const platformCpu = r.platformChain.cpuMsPerChain ?? {};
  const bareCpu = r.bareChain.cpuMsPerChain ?? {};
  for (const name of new Set([...Object.keys(platformCpu), ...Object.keys(bareCpu)])) {
    console.log(`  ${name.padEnd(22)} ${platformCpu[name] ?? '-'} / ${bareCpu[name] ?? '-'}`);
  }
  const sum = (cpu) => Math.round(Object.values(cpu).reduce((total, ms) => total + ms, 0) * 10) / 10;
  console.log(`  ${'all'.padEnd(22)} ${sum(platformCpu)} / ${sum(bareCpu)}`);
  // Whether a phase was bound by the cores: what the whole machine left idle, or idle waiting on the disk.
  const shares = (machine) =>
    machine ? `busy ${machine.busyPercent}%, idle ${machine.idlePercent}%, disk wait ${machine.iowaitPercent}%` : '-';
  console.log(
    `the machine's cores over the measured chains: platform ${shares(r.platformChain.machineCpu)}; bare ${shares(r.bareChain.machineCpu)}`,
  );
  if (r.roundOrder?.length > 2) {
    const next = { bare: 0, platform: 0 };
    const inOrder = r.roundOrder.map((side) => {
      const round = (side === 'bare' ? r.bareChain : r.platformChain).rounds[next[side]++];
      return `${side} ${round.chainsPerSecond} chains/s (${sum(round.cpuMsPerChain)} ms of CPU a chain)`;
    });
    console.log(`the rounds in the order run: ${inOrder.join(', ')}`);
  }
  const idle = r.platformChain.idleCpuMsPerSecond;
  if (idle) {
    console.log(
      `the same processes idle, CPU ms per second: ${Object.entries(idle)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', ')}; all ${sum(idle)}`,
    );
  }
  const c = r.consultation;
  if (c) {
    console.log(
      `${c.communities} communities answering one consultation at once (${c.rounds} rounds): all answered in ` +
        `${c.allAnsweredMs.mean} ms mean, ${c.allAnsweredMs.max} ms max; one answer p50 / p99 ${p(c.answerMs)} ms; per round ` +
        `${c.perRound.workflowTasks} workflow tasks, ${c.perRound.activities} activities, ` +
        `${c.perRound.localActivities} local activities for ${c.perRound.updatesAccepted} answers; ` +
        `answers refused with a 5xx and sent again: ${c.answersRefusedWith5xxAndSentAgain}`,
    );
  }
  if (r.overDev) {
    console.log(
      `Postgres persistence over the dev server (SQLite) of this run: bare chains/s ${r.overDev.bareChainsPerSecond}, ` +
        `platform chains/s ${r.overDev.platformChainsPerSecond}, bare chain p50 ${r.overDev.bareChainP50}, ` +
        `platform chain p50 ${r.overDev.platformChainP50}, 100 at once all answered ${r.overDev.consultationAllAnsweredMean}`,
    );
  }
  if (r.temporalLabel !== temporalTargets.at(-1)) return;
  console.log('resident memory MiB now / peak:');
  for (const [name, m] of Object.entries(r.memory)) console.log(`  ${name.padEnd(20)} ${m.rssMiB} / ${m.peakRssMiB}`);
}

async function cleanUp() {
  for (const prefix of [run.schemaPrefix, pgRun.schemaPrefix]) {
    for (const service of ['organization', 'admission', 'finance', 'bare', 'api', 'allocation']) {
      await db.query(`DROP SCHEMA IF EXISTS "${prefix}_${service}" CASCADE`);
    }
  }
  const kafka = new Kafka({
    clientId: `${run.topicPrefix}cleanup`,
    brokers: servers.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(run.topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(run.topicPrefix));
    if (groups.length > 0) await admin.deleteGroups(groups);
  } finally {
    await admin.disconnect();
  }
}
