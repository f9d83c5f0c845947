// The yearly base allocation (费随事转's base fund, one payment per community) for 1,000 / 10,000 / 100,000
// communities: finance's own benchmark (apps/finance/bench/base-allocation.bench.mjs: the worker's Nest context on a
// schema of its own, the allocation activity page by page as the workflow runs it, then a rerun that pays nobody),
// beside a bare baseline in the same run: the same rows (a transfer and its two postings per community) written by
// plain `pg` in pages of the same size, one transaction of two set-based inserts each, without the ledger's rules.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';

const repo = new URL('../../', import.meta.url).pathname;
const pageSize = 500;

/** `sizes`: the communities per run, e.g. [1000, 10000, 100000]. */
export async function runBaseAllocations({ servers, db, schema }, sizes, log) {
  const results = [];
  for (const communities of sizes) {
    const platform = await financeBench(servers, communities);
    const bare = await bareAllocation(db, schema, communities);
    const row = {
      communities,
      platform,
      bare,
      communitiesPerSecondPlatformOverBare: Math.round((platform.first.perSecond / bare.perSecond) * 100) / 100,
    };
    log(
      `base allocation, ${communities} communities: ${platform.first.seconds} s (${platform.first.perSecond}/s), ` +
        `rerun ${platform.rerun.seconds} s; bare pg ${bare.seconds} s (${bare.perSecond}/s)`,
    );
    results.push(row);
  }
  return results;
}

function financeBench(servers, communities) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [`${repo}apps/finance/bench/base-allocation.bench.mjs`, String(communities), String(pageSize)],
      {
        cwd: repo,
        env: {
          ...process.env,
          DATABASE_URL: servers.databaseUrl,
          KAFKA_BROKERS: servers.kafkaBrokers,
          TEMPORAL_ADDRESS: servers.temporalAddress,
        },
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`base-allocation.bench.mjs ${communities}: ${stderr.trim().slice(-500)}`));
        const line = (label) => {
          const match = new RegExp(
            `${label}\\s*: (\\d+) communities, (\\d+) paid, ([\\d.]+) s \\((\\d+) communities/s`,
          ).exec(stdout);
          if (!match) throw new Error(`base-allocation.bench.mjs printed no "${label}" line: ${stdout}`);
          return {
            communities: Number(match[1]),
            paid: Number(match[2]),
            seconds: Number(match[3]),
            perSecond: Number(match[4]),
          };
        };
        try {
          resolve({ first: line('first run'), rerun: line('second run') });
        } catch (parseError) {
          reject(parseError);
        }
      },
    );
  });
}

/** The same writes with nothing of the platform: per page, one transaction of a transfer row and two postings each. */
async function bareAllocation(db, schema, communities) {
  await db.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await db.query(`DROP TABLE IF EXISTS "${schema}".posting, "${schema}".transfer`);
  await db.query(`CREATE TABLE "${schema}".transfer (id text PRIMARY KEY, purpose text NOT NULL, reference text)`);
  await db.query(
    `CREATE TABLE "${schema}".posting (transfer_id text NOT NULL REFERENCES "${schema}".transfer (id),
       account_id text NOT NULL, amount_fen bigint NOT NULL)`,
  );
  const ids = Array.from({ length: communities }, () => randomUUID());
  const started = performance.now();
  const client = await db.connect();
  try {
    for (let offset = 0; offset < communities; offset += pageSize) {
      const page = ids.slice(offset, offset + pageSize);
      const transfers = page.map((id) => `base:2026:${id}`);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "${schema}".transfer (id, purpose, reference) SELECT id, 'base', 'base:350102:2026'
         FROM unnest($1::text[]) AS id ON CONFLICT (id) DO NOTHING`,
        [transfers],
      );
      await client.query(
        `INSERT INTO "${schema}".posting (transfer_id, account_id, amount_fen)
         SELECT t, a, f FROM unnest($1::text[], $2::text[], $3::bigint[]) AS v(t, a, f)`,
        [
          transfers.flatMap((t) => [t, t]),
          page.flatMap((id) => ['district:350102:2026:base', `community:${id}:base`]),
          page.flatMap(() => [-4_500_000, 4_500_000]),
        ],
      );
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE "${schema}".posting, "${schema}".transfer`);
  return { seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(communities / seconds) };
}
