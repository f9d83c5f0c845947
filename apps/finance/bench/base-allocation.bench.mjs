// Times the yearly base allocation for N communities on a real Postgres (not a test).
//
//   source infra/node.sh && source .local/test-env.sh
//   node apps/finance/bench/base-allocation.bench.mjs [communities=10000] [batch=500]
//
// Boots the finance worker's Nest context on a throw-away schema, seeds the community directory, then
// runs the allocation activity page by page exactly as the workflow does: first run (every community
// paid), second run (every payment a replay, nothing moves). Needs DATABASE_URL (or
// JIANFU_TEST_DATABASE_URL) and a reachable Temporal (the worker context opens a client).
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

register('./typescript-loader.mjs', import.meta.url);

const communities = Number(process.argv[2] ?? 10_000);
const batchSize = Number(process.argv[3] ?? 500);
const databaseUrl = process.env.DATABASE_URL ?? process.env.JIANFU_TEST_DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL or JIANFU_TEST_DATABASE_URL');
const schema = `bench_${randomBytes(4).toString('hex')}`;

const { NestFactory } = await import('@nestjs/core');
const { loadConfig, TransactionRunner } = await import('@jianfu/platform');
const { CommunityDirectoryRepository } = await import('@jianfu/community-directory');
const { FinanceModule } = await import('../src/app.module.ts');
const { FinanceConfig } = await import('../src/config.ts');
const { LedgerRepository } = await import('../src/ledger/persistence/ledger.repository.ts');
const { BaseAllocationsRepository } = await import('../src/base-allocation/persistence/base-allocations.repository.ts');
const { createBaseAllocationActivities } =
  await import('../src/base-allocation/workflows/base-allocation.activities.ts');

const config = loadConfig(FinanceConfig, {
  DATABASE_URL: databaseUrl,
  DATABASE_SCHEMA: schema,
  KAFKA_BROKERS: process.env.JIANFU_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  TEMPORAL_ADDRESS: process.env.JIANFU_TEST_TEMPORAL_ADDRESS ?? process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  // Required by the config; this benchmark calls no HTTP route, so no token is ever verified against it.
  OIDC_ISSUER: 'http://127.0.0.1:3005/oidc',
  LOG_LEVEL: 'silent',
});
const context = await NestFactory.createApplicationContext(FinanceModule.forWorker(config), { logger: false });
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });

try {
  const ids = Array.from({ length: communities }, () => randomUUID());
  await db.query(
    `INSERT INTO ${schema}.directory_community (community_id, code, name, street_code, district_code, as_of)
     SELECT id, 'C-' || lpad(n::text, 6, '0'), '社区', 'S-1', '350102', now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [ids],
  );
  const activities = createBaseAllocationActivities({
    transactions: context.get(TransactionRunner),
    ledger: context.get(LedgerRepository),
    directory: context.get(CommunityDirectoryRepository),
    allocations: context.get(BaseAllocationsRepository),
  });
  await context
    .get(TransactionRunner)
    .run((tx) =>
      context
        .get(BaseAllocationsRepository)
        .beginRun(tx, { districtCode: '350102', year: 2026, amountFen: 4_500_000, startedBy: 'bench' }),
    );

  async function run(label) {
    const started = performance.now();
    let offset = 0;
    let paid = 0;
    for (;;) {
      const result = await activities.allocateBaseFundBatch({
        districtCode: '350102',
        year: 2026,
        amountFen: 4_500_000,
        offset,
        limit: batchSize,
      });
      offset += result.seen;
      paid += result.paid;
      if (result.seen < batchSize) break;
    }
    const ms = performance.now() - started;
    console.log(
      `${label}: ${offset} communities, ${paid} paid, ${(ms / 1000).toFixed(2)} s ` +
        `(${Math.round(offset / (ms / 1000))} communities/s, batch ${batchSize})`,
    );
  }

  await run('first run ');
  await run('second run');
  const { rows } = await db.query(
    `SELECT sum(amount_fen) AS total, count(*) AS postings FROM ${schema}.ledger_posting`,
  );
  console.log(`ledger: ${rows[0].postings} postings, sum ${rows[0].total}`);
} finally {
  await context.close();
  await db.query(`DROP SCHEMA ${schema} CASCADE`);
  await db.end();
}
