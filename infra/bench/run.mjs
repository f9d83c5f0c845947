// `npm run bench` (after `npm run build`): the platform's full chain beside a bare-Temporal chain of the same
// shape on the same server, the raw kafkajs produce → consume latency beside the platform's outbox → inbox hop,
// and the resident memory of every process. Writes .local/bench/<time>.json (and latest.json), prints a table.
//
// Servers: DATABASE_URL / KAFKA_BROKERS / TEMPORAL_ADDRESS, else the shared test servers (JIANFU_TEST_*), else the
// dev stack. Everything runs in names of its own (schemas bench_<id>_*, topic prefix bench.<id>., task queues
// bench-<id>-*), so other suites on the same servers are never touched; the run drops what it created.
//
// Parameters (`npm run bench -- --chains=200 --concurrency=32`, or BENCH_<NAME> in the environment):
//   chains (24), concurrency (8), communities (10) consulted per chain, pollMs (100) for the read-model
//   polls a client makes, warmup (1) unmeasured chains, hopEvents (300) and hopRate (20/s) for the hop phases,
//   consult (100) communities answering one consultation at once and consultRounds (2) such consultations (0 skips
//   the phase; it takes its communities from the hop phase, so consult ≤ hopEvents),
//   keep (0; 1 keeps the schemas and topics for a look afterwards); the API phase's (api-path.mjs): apiSeconds (10)
//   per step, apiCommunities (200) listed, apiConcurrency (32) callers at saturation, apiReadRates (100,300,500),
//   apiCommandRates (50,100), apiProfile (0; 1 profiles the organization process under load), apiOrganizationEnv
//   (`NAME=value;…` for the organization process).
// `--only=api` runs the API phase alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { runBareChains, startBareWorker } from './bare-chain.mjs';
import { rawKafkaHop } from './kafka-raw.mjs';
import { apiDefaults, apiRatios, printApiTable, runApiPhase } from './api-path.mjs';
import { memoryOf } from './lib.mjs';
import { Client, Connection } from '@temporalio/client';
import {
  consultationAtOnce,
  financeHopBreakdown,
  platformHopAtRate,
  platformHops,
  preparePlatform,
  runPlatformChains,
  startPlatform,
} from './platform-chain.mjs';

const defaults = {
  chains: 24,
  concurrency: 8,
  communities: 10,
  pollMs: 100,
  warmup: 1,
  hopEvents: 300,
  hopRate: 20,
  consult: 100,
  consultRounds: 2,
  keep: 0,
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
try {
  log(`run ${id}: ${JSON.stringify(params)}${only ? `, only ${only}` : ''}; logs in ${logDir}`);
  if (!apiOnly) await chainAndHopPhases();
  log('API: one organization process beside a bare node:http + pg handler, open loop');
  result.api = await runApiPhase({ run, servers, logDir, params, log });
  memory['api-organization'] = result.api.memory.organization;
  memory['api-bare'] = result.api.memory.bare;
} finally {
  memory['bench-driver'] = memoryOf(process.pid);
  result.memory = memory;
  await bare?.close().catch(() => undefined);
  await platform?.stop().catch(() => undefined);
  if (!params.keep) await cleanUp().catch((error) => log(`clean-up incomplete: ${error.message}`));
  await db.end();
}

async function chainAndHopPhases() {
  log('bare Temporal chain: starting its worker');
  bare = await startBareWorker({ run, servers, logDir });
  result.bareChain = await runBareChains(bare, run, params);
  memory['bare-worker'] = bare.worker.memory();
  log(`bare chain: ${result.bareChain.chainsPerSecond} chains/s, p50 ${result.bareChain.latencyMs.p50} ms`);
  await bare.close();
  bare = undefined;

  log('raw kafkajs produce → consume');
  result.kafkaRaw = await rawKafkaHop({ run, servers }, { events: params.hopEvents, rate: params.hopRate });
  log(`raw kafka: p50 ${result.kafkaRaw.latencyMs.p50} ms, p99 ${result.kafkaRaw.latencyMs.p99} ms`);

  log('platform: starting organization, admission (API + worker), finance (API + worker)');
  platform = await startPlatform({ run, servers, logDir });
  const setup = await preparePlatform(platform, params);
  log('platform: outbox → inbox hop at a fixed rate');
  const { communityIds: hopCommunityIds, ...hop } = await platformHopAtRate(platform, db, run.schemaPrefix, {
    events: params.hopEvents,
    rate: params.hopRate,
  });
  result.platformHop = hop;
  log(`platform hop: p50 ${result.platformHop.totalMs.p50} ms, p99 ${result.platformHop.totalMs.p99} ms`);

  log('platform chain');
  const chainsSince = new Date();
  result.platformChain = await runPlatformChains(platform, setup, params);
  result.platformChain.hops = await platformHops(db, run.schemaPrefix, chainsSince);
  const connection = await Connection.connect({ address: servers.temporalAddress });
  const temporal = new Client({ connection, namespace: servers.temporalNamespace });
  result.platformChain.financeHop = await financeHopBreakdown(db, temporal, run.schemaPrefix, chainsSince);
  log(`platform chain: ${result.platformChain.chainsPerSecond} chains/s, p50 ${result.platformChain.latencyMs.p50} ms`);
  if (params.consult > 0 && params.consultRounds > 0) {
    if (hopCommunityIds.length < params.consult) throw new Error('consult needs at least as many hopEvents');
    log(`platform: ${params.consult} communities answering one consultation at once, ${params.consultRounds} times`);
    result.consultation = await consultationAtOnce(
      platform,
      setup,
      temporal,
      hopCommunityIds.slice(0, params.consult),
      params,
    );
    log(`consultation: all answered in ${result.consultation.allAnsweredMs.max} ms at most`);
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
result.ratios = apiOnly
  ? {}
  : {
      chainsPerSecondPlatformOverBare: ratio(result.platformChain.chainsPerSecond, result.bareChain.chainsPerSecond),
      chainP50PlatformOverBare: ratio(result.platformChain.latencyMs.p50, result.bareChain.latencyMs.p50),
      chainP99PlatformOverBare: ratio(result.platformChain.latencyMs.p99, result.bareChain.latencyMs.p99),
      hopP50PlatformOverRaw: ratio(result.platformHop.totalMs.p50, result.kafkaRaw.latencyMs.p50),
      hopP99PlatformOverRaw: ratio(result.platformHop.totalMs.p99, result.kafkaRaw.latencyMs.p99),
    };
result.ratios.api = apiRatios(result.api);
const file = `${outDir}/${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${outDir}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
if (!apiOnly) printTable(result);
if (apiOnly) {
  console.log(
    `\nload average ${result.machine.loadAverageBefore[0]} → ${result.machine.loadAverageAfter[0]} on ${result.machine.cpus} cores`,
  );
}
printApiTable(result.api);
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
    `\n${r.params.chains} chains, ${r.params.concurrency} at a time, ${r.params.communities} communities each; load average ${r.machine.loadAverageBefore[0]} → ${r.machine.loadAverageAfter[0]} on ${r.machine.cpus} cores`,
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
  console.log(`actions refused as approval.step-not-open and tried again: ${r.platformChain.stepNotOpenRetries}`);
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
  console.log('resident memory MiB now / peak:');
  for (const [name, m] of Object.entries(r.memory)) console.log(`  ${name.padEnd(20)} ${m.rssMiB} / ${m.peakRssMiB}`);
}

async function cleanUp() {
  for (const service of ['organization', 'admission', 'finance', 'bare', 'api']) {
    await db.query(`DROP SCHEMA IF EXISTS "${run.schemaPrefix}_${service}" CASCADE`);
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
