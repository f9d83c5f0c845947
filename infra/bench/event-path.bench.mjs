// Measures the platform's event path: commands over HTTP into organization, through its outbox, Kafka and
// admission's inbox into the community directory. Prints throughput and outbox-to-inbox latency percentiles.
//
//   npm run build && node infra/bench/event-path.bench.mjs [communities=1000] [concurrency=16]
//
// Uses the servers named by DATABASE_URL / KAFKA_BROKERS / TEMPORAL_ADDRESS (default: the dev stack of
// `bash infra/dev.sh up`), in a fresh schema and topic prefix of its own, and drops nothing it did not create.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { AdmissionConfig, AdmissionModule } from '@jianfu/admission';
import { OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { createServiceApp, loadConfig, requestDevToken } from '@jianfu/platform';
import { startIdentityProcess } from '../../libs/testing/jest/identity-process.mjs';

const communities = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 16);
const run = `bench_${randomBytes(3).toString('hex')}`;
const base = {
  PORT: '0',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://jianfu:jianfu@127.0.0.1:5432/jianfu',
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  KAFKA_TOPIC_PREFIX: `${run}.`,
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  LOG_LEVEL: 'warn',
};
// Tokens come from an identity service of the benchmark's own (no shared secret).
const identity = await startIdentityProcess({
  databaseUrl: base.DATABASE_URL,
  kafkaBrokers: base.KAFKA_BROKERS,
  temporalAddress: base.TEMPORAL_ADDRESS,
});
base.OIDC_ISSUER = identity.issuer;

async function start(module, configClass, service) {
  const config = loadConfig(configClass, {
    ...base,
    DATABASE_SCHEMA: `${run}_${service}`,
    TEMPORAL_TASK_QUEUE: `${run}-${service}`,
  });
  const app = await createServiceApp(module(config), { title: service, description: 'bench', config });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${app.getHttpServer().address().port}` };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const organization = await start((c) => OrganizationModule.forApi(c), OrganizationConfig, 'organization');
const admission = await start((c) => AdmissionModule.forApi(c), AdmissionConfig, 'admission');
const { accessToken: token } = await requestDevToken(
  identity,
  { userId: 'bench', name: 'bench', roles: ['organization-admin'], scope: { districtCode: '350102' } },
  3600,
);
const post = (path, body) =>
  fetch(`${organization.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (response) => {
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  });

await post('/streets', { code: 'BENCH-S', name: '基准街道' });
const latencies = [];
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < communities) {
      const index = next++;
      const t0 = performance.now();
      await post('/communities', { code: `BENCH-${index}`, name: `基准社区${index}`, streetCode: 'BENCH-S' });
      latencies.push(performance.now() - t0);
    }
  }),
);
const commandSeconds = (performance.now() - started) / 1000;

const db = new pg.Pool({ connectionString: base.DATABASE_URL, max: 2 });
const directory = `${run}_admission.directory_community`;
while (Number((await db.query(`SELECT count(*) AS n FROM ${directory}`)).rows[0].n) < communities) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const endToEndSeconds = (performance.now() - started) / 1000;
const lags = (
  await db.query(
    `SELECT extract(epoch FROM i.received_at - o.created_at) * 1000 AS ms
       FROM ${run}_admission.inbox_message i JOIN ${run}_organization.outbox_message o ON o.event_id = i.event_id`,
  )
).rows
  .map((row) => Number(row.ms))
  .sort((a, b) => a - b);
latencies.sort((a, b) => a - b);

console.log(`communities created over HTTP: ${communities} with ${concurrency} in flight`);
console.log(
  `  command throughput: ${(communities / commandSeconds).toFixed(0)} req/s; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
);
console.log(
  `  all in admission's directory after ${endToEndSeconds.toFixed(2)} s (${(communities / endToEndSeconds).toFixed(0)} events/s end to end)`,
);
console.log(
  `  outbox → inbox lag: p50 ${percentile(lags, 50).toFixed(0)} ms, p95 ${percentile(lags, 95).toFixed(0)} ms, max ${lags.at(-1).toFixed(0)} ms`,
);

await Promise.all([organization.app.close(), admission.app.close(), identity.stop()]);
for (const schema of [`${run}_organization`, `${run}_admission`]) await db.query(`DROP SCHEMA "${schema}" CASCADE`);
await db.end();
