// Preloaded (`--import`) beside cpu-profile.mjs into a process the benchmark profiles: counts the SQL statements the
// process sends to Postgres between the parent's `profile:start` and `profile:stop`, by statement text, and writes
// them beside the CPU profile (`<name>.queries.json`). Round trips are what a chain's Postgres work is made of.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_CPU_PROFILE?.replace(/\.cpuprofile$/, '.queries.json');
if (file && process.channel) {
  // The services' own `pg`, resolved from the repository root as they resolve it.
  const pg = createRequire(new URL('../../package.json', import.meta.url).pathname)('pg');
  const counts = new Map();
  let counting = false;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(config, ...rest) {
    if (counting) {
      const text = typeof config === 'string' ? config : (config?.text ?? '?');
      const key = String(text).replace(/\s+/g, ' ').trim().slice(0, 160);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return query.call(this, config, ...rest);
  };
  process.on('message', (message) => {
    if (message === 'profile:start') counting = true;
    else if (message === 'profile:stop') {
      counting = false;
      writeFileSync(file, JSON.stringify([...counts].sort((a, b) => b[1] - a[1])));
    }
  });
}
