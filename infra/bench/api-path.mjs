// The API phase: one organization API process (its dist build) beside a bare node:http + pg handler
// (bare/api-server.mjs) that runs the same SQL behind the same token check, both against the same schema, in the
// same run. An open-loop client sends requests at a fixed arrival rate and measures each one from the time it was
// scheduled to leave (so a server that falls behind shows its queue in the latency, not in a slower client):
// `GET /communities?limit=20` at 100/300/500 per second and `POST /communities` at 50/100 per second; then a
// closed loop of `apiConcurrency` callers finds each one's saturation throughput for the read.
//
// With `--apiProfile=1` the organization process runs under the V8 profiler during the 500/s read step and the
// command steps; the profile is written to the run's log folder and its top self-time frames are in the result.
import http from 'node:http';
import { copyFileSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { requestDevToken } from '@jianfu/platform';
import { startIdentityProcess } from '../../libs/testing/jest/identity-process.mjs';
import { cpuTimeOf, freePort, jsonRequestOptions, pool, sleep, startProcess, summarize, until } from './lib.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const here = new URL('./', import.meta.url).pathname;

export const apiDefaults = {
  apiSeconds: 10,
  apiWarmupSeconds: 3,
  apiCommunities: 200,
  apiConcurrency: 32,
  apiReadRates: '100,300,500',
  apiCommandRates: '50,100',
  apiProfile: 0,
  // Extra environment of the organization process, `NAME=value;NAME=value`: to measure one setting against another
  // (e.g. `OIDC_VERIFIED_TOKEN_CACHE_SIZE=0`).
  apiOrganizationEnv: '',
};

const admin = {
  userId: 'bench-api-admin',
  name: 'bench-api-admin',
  roles: ['organization-admin'],
  scope: { districtCode: '350102' },
};

async function ready(url) {
  try {
    const response = await fetch(`${url}/health/ready`);
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

/** One HTTP client per target: keep-alive sockets, as many as the open loop needs. */
function target(name, url, token, pid) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });
  const authorization = `Bearer ${token}`;
  return {
    name,
    url,
    agent,
    pid,
    send(method, path, body) {
      return new Promise((resolve) => {
        const payload = body ? JSON.stringify(body) : undefined;
        const request = http.request(
          jsonRequestOptions({ agent, hostname, port, method, path, authorization, payload }),
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode));
            response.on('error', () => resolve(0));
          },
        );
        request.setTimeout(30_000, () => request.destroy());
        request.on('error', () => resolve(0));
        request.end(payload);
      });
    },
  };
}

/**
 * Sends `rate` requests a second for `seconds`, each at its scheduled time whatever the answers before it, and
 * measures each from that time. Returns latency percentiles, the achieved rate, errors and the most in flight.
 */
async function openLoop(send, { rate, seconds, expected }) {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies = [];
  const statuses = {};
  let inFlight = 0;
  let maxInFlight = 0;
  let done = 0;
  let lastDone = 0;
  const start = performance.now() + 10;
  await new Promise((resolve) => {
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const scheduled = start + sent * interval;
        const index = sent++;
        inFlight++;
        if (inFlight > maxInFlight) maxInFlight = inFlight;
        send(index).then((status) => {
          const finished = performance.now();
          inFlight--;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === expected) latencies.push(finished - scheduled);
          lastDone = finished;
          if (++done === total) resolve();
        });
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(5, start + sent * interval - performance.now())));
    };
    tick();
  });
  const elapsed = (lastDone - start) / 1000;
  return {
    targetRate: rate,
    requests: total,
    achievedRate: Math.round((latencies.length / Math.max(elapsed, seconds)) * 10) / 10,
    latencyMs: summarize(latencies),
    errors: total - latencies.length,
    statuses,
    maxInFlight,
  };
}

/** Runs a load step against `t` and adds the server's CPU time per answered request. */
async function measured(t, step) {
  const before = cpuTimeOf(t.pid);
  const result = await step();
  const used = cpuTimeOf(t.pid) - before;
  const answered = result.latencyMs.n;
  result.serverCpuMsPerRequest = answered ? Math.round((used / answered) * 100) / 100 : null;
  return result;
}

/** `concurrency` callers, each sending its next request when the last one answers: the saturation throughput. */
async function closedLoop(send, { concurrency, seconds, expected }) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await send();
        if (status === expected) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    concurrency,
    seconds: Math.round(elapsed * 100) / 100,
    throughput: Math.round((latencies.length / elapsed) * 10) / 10,
    latencyMs: summarize(latencies),
    errors,
  };
}

/** The frames (and packages) with the most self time in a V8 CPU profile. */
export function profileSummary(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const selfSamples = new Map();
  for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const byFrame = new Map();
  const byPackage = new Map();
  for (const node of profile.nodes) {
    const samples = selfSamples.get(node.id) ?? 0;
    if (!samples) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(repo, '');
    const frame = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + samples);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      (where.startsWith('node:')
        ? 'node (core)'
        : where === ''
          ? functionName || '(native)'
          : where.split('/').slice(0, 3).join('/'));
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + samples);
  }
  const share = (entries) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, samples]) => ({ name, selfPercent: Math.round((samples / total) * 1000) / 10 }));
  return { samples: total, frames: share(byFrame), packages: share(byPackage) };
}

export async function runApiPhase({ run, servers, logDir, params, log = console.log }) {
  const schema = `${run.schemaPrefix}_api`;
  const identity = await startIdentityProcess(servers, { logFile: `${logDir}/api-identity.log` });
  const processes = [];
  const db = new pg.Pool({ connectionString: servers.databaseUrl, max: 1 });
  try {
    const port = await freePort();
    const platformUrl = `http://127.0.0.1:${port}`;
    const profileFile = `${logDir}/organization-api.cpuprofile`;
    const organization = startProcess(
      'api-organization',
      `${repo}apps/organization/dist/main.js`,
      {
        PORT: String(port),
        DATABASE_URL: servers.databaseUrl,
        DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: servers.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: run.topicPrefix,
        TEMPORAL_ADDRESS: servers.temporalAddress,
        TEMPORAL_NAMESPACE: servers.temporalNamespace,
        TEMPORAL_TASK_QUEUE: `${run.taskQueuePrefix}-api-organization`,
        OIDC_ISSUER: identity.issuer,
        // As deployed: `info` logs every request.
        LOG_LEVEL: 'info',
        RATE_LIMIT_COMMANDS: '0',
        ...(params.apiProfile ? { BENCH_CPU_PROFILE: profileFile } : {}),
        ...Object.fromEntries(
          String(params.apiOrganizationEnv)
            .split(';')
            .filter(Boolean)
            .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
        ),
      },
      logDir,
      params.apiProfile ? ['--import', `${here}cpu-profile.mjs`] : [],
    );
    processes.push(organization);
    await until(() => ready(platformUrl), { intervalMs: 200, timeoutMs: 120_000, what: 'organization API' });
    const token = (await requestDevToken(identity, admin, 8 * 3600)).accessToken;
    const platform = target('platform', platformUrl, token, organization.child.pid);

    // The data: one street and `apiCommunities` communities, made through the API.
    const expect = async (status, promise, what) => {
      const got = await promise;
      if (got !== status) throw new Error(`${what}: ${got}`);
    };
    await expect(201, platform.send('POST', '/streets', { code: 'API-S', name: '接口街道' }), 'street');
    await pool(params.apiCommunities, 8, (index) =>
      expect(
        201,
        platform.send('POST', '/communities', {
          code: `API-C${index}`,
          name: `接口社区${index}`,
          streetCode: 'API-S',
          partyMemberCount: 10,
        }),
        'community',
      ),
    );
    // The bare handler's events go to a table of its own (the organization's relay would send them otherwise).
    await db.query(`CREATE TABLE "${schema}".bare_outbox_message (LIKE "${schema}".outbox_message INCLUDING ALL)`);
    await db.query(`ANALYZE "${schema}".community`);

    const barePort = await freePort();
    const bareUrl = `http://127.0.0.1:${barePort}`;
    const bareProcess = startProcess(
      'api-bare',
      `${here}bare/api-server.mjs`,
      {
        PORT: String(barePort),
        DATABASE_URL: servers.databaseUrl,
        DATABASE_SCHEMA: schema,
        OIDC_ISSUER: identity.issuer,
      },
      logDir,
    );
    processes.push(bareProcess);
    await until(() => ready(bareUrl), { intervalMs: 200, timeoutMs: 60_000, what: 'bare API handler' });
    const bare = target('bare', bareUrl, token, bareProcess.child.pid);
    const targets = [platform, bare];

    const read = (t) => () => t.send('GET', '/communities?limit=20');
    let commandSerial = 0;
    const command = (t) => () =>
      t.send('POST', '/communities', {
        code: `API-${t.name[0].toUpperCase()}${commandSerial++}`,
        name: `接口新社区${commandSerial}`,
        streetCode: 'API-S',
        partyMemberCount: 5,
      });

    for (const t of targets) {
      await openLoop(read(t), { rate: 100, seconds: params.apiWarmupSeconds, expected: 200 });
      await openLoop(command(t), { rate: 20, seconds: 1, expected: 201 });
    }
    const profile = async (message) => {
      if (!params.apiProfile) return;
      const answer = new Promise((resolve) => organization.child.once('message', resolve));
      organization.child.send(message);
      await answer;
    };

    const result = { reads: [], commands: [], saturation: {} };
    const rates = (list) => String(list).split(',').map(Number);
    for (const rate of rates(params.apiReadRates)) {
      const step = { rate };
      for (const t of targets) {
        const profiled = t === platform && rate === Math.max(...rates(params.apiReadRates));
        if (profiled) await profile('profile:start');
        step[t.name] = await measured(t, () => openLoop(read(t), { rate, seconds: params.apiSeconds, expected: 200 }));
        if (profiled) await profile('profile:stop');
        log(
          `  GET /communities at ${rate}/s ${t.name}: p50 ${step[t.name].latencyMs.p50} ms, p99 ${step[t.name].latencyMs.p99} ms, ` +
            `${step[t.name].achievedRate}/s, max in flight ${step[t.name].maxInFlight}`,
        );
        await sleep(1000);
      }
      result.reads.push(step);
    }
    if (params.apiProfile) {
      result.readProfile = profileSummary(profileFile);
      // The command profile below is written to the same file: the read profile is kept beside it.
      copyFileSync(profileFile, profileFile.replace(/\.cpuprofile$/, '-reads.cpuprofile'));
    }
    for (const rate of rates(params.apiCommandRates)) {
      const step = { rate };
      for (const t of targets) {
        step[t.name] = await measured(t, () =>
          openLoop(command(t), { rate, seconds: params.apiSeconds, expected: 201 }),
        );
        log(
          `  POST /communities at ${rate}/s ${t.name}: p50 ${step[t.name].latencyMs.p50} ms, p99 ${step[t.name].latencyMs.p99} ms, ` +
            `${step[t.name].achievedRate}/s, max in flight ${step[t.name].maxInFlight}`,
        );
        await sleep(1000);
      }
      result.commands.push(step);
    }
    // The saturation step also runs the bare handler with the statement prepared, as the service's repository
    // prepares it: the platform against the plain bare handler is the issue's figure; against the prepared one it is
    // the framework's own cost alone.
    const barePrepared = { ...bare, name: 'barePrepared' };
    const saturationReads = {
      platform: read(platform),
      bare: read(bare),
      barePrepared: () => bare.send('GET', '/prepared/communities?limit=20'),
    };
    for (const t of [platform, bare, barePrepared]) {
      result.saturation[t.name] = await measured(t, () =>
        closedLoop(saturationReads[t.name], {
          concurrency: params.apiConcurrency,
          seconds: params.apiSeconds,
          expected: 200,
        }),
      );
      log(`  GET /communities saturated, ${t.name}: ${result.saturation[t.name].throughput}/s`);
      await sleep(1000);
    }
    if (params.apiProfile) {
      // A second profile over the commands and the saturation would mix the two; the command profile is taken alone.
      await profile('profile:start');
      await openLoop(command(platform), { rate: 100, seconds: params.apiSeconds, expected: 201 });
      await profile('profile:stop');
      result.commandProfile = profileSummary(profileFile);
    }
    result.memory = { organization: organization.memory(), bare: bareProcess.memory() };
    for (const t of targets) t.agent.destroy();
    return result;
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await identity.stop();
    await db.end();
  }
}

const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

export function apiRatios(api) {
  const at = (steps) =>
    Object.fromEntries(
      steps.map((s) => [
        s.rate,
        {
          p99PlatformOverBare: ratio(s.platform.latencyMs.p99, s.bare.latencyMs.p99),
          achievedPlatformOverBare: ratio(s.platform.achievedRate, s.bare.achievedRate),
          cpuPerRequestPlatformOverBare: ratio(s.platform.serverCpuMsPerRequest, s.bare.serverCpuMsPerRequest),
        },
      ]),
    );
  return {
    reads: at(api.reads),
    commands: at(api.commands),
    saturationPlatformOverBare: ratio(api.saturation.platform.throughput, api.saturation.bare.throughput),
    saturationPlatformOverBarePrepared: api.saturation.barePrepared
      ? ratio(api.saturation.platform.throughput, api.saturation.barePrepared.throughput)
      : null,
  };
}

/** The API phase's rows of the table: platform, bare and their ratio. */
export function printApiTable(api) {
  const r = apiRatios(api);
  const p = (s) => `${s.latencyMs.p50} / ${s.latencyMs.p99}`;
  const rows = [['API (one process)', 'platform', 'bare node:http + pg', 'ratio']];
  const line = (label, steps, ratios) => {
    for (const s of steps) {
      rows.push([`${label} at ${s.rate}/s p50 / p99 ms`, p(s.platform), p(s.bare), ratios[s.rate].p99PlatformOverBare]);
      rows.push([
        '  achieved/s, max in flight, errors',
        `${s.platform.achievedRate}, ${s.platform.maxInFlight}, ${s.platform.errors}`,
        `${s.bare.achievedRate}, ${s.bare.maxInFlight}, ${s.bare.errors}`,
        ratios[s.rate].achievedPlatformOverBare,
      ]);
      rows.push([
        '  server CPU ms per request',
        s.platform.serverCpuMsPerRequest,
        s.bare.serverCpuMsPerRequest,
        ratios[s.rate].cpuPerRequestPlatformOverBare,
      ]);
    }
  };
  line('GET /communities?limit=20', api.reads, r.reads);
  line('POST /communities', api.commands, r.commands);
  const sat = api.saturation;
  rows.push([
    `GET saturated (${sat.platform.concurrency} callers) /s`,
    sat.platform.throughput,
    sat.bare.throughput,
    r.saturationPlatformOverBare,
  ]);
  rows.push(['  p50 / p99 ms at saturation', p(sat.platform), p(sat.bare), '']);
  rows.push([
    '  server CPU ms per request',
    sat.platform.serverCpuMsPerRequest,
    sat.bare.serverCpuMsPerRequest,
    ratio(sat.platform.serverCpuMsPerRequest, sat.bare.serverCpuMsPerRequest),
  ]);
  if (sat.barePrepared) {
    rows.push([
      '  bare with the statement prepared /s',
      sat.platform.throughput,
      sat.barePrepared.throughput,
      r.saturationPlatformOverBarePrepared,
    ]);
    rows.push([
      '    server CPU ms per request',
      sat.platform.serverCpuMsPerRequest,
      sat.barePrepared.serverCpuMsPerRequest,
      ratio(sat.platform.serverCpuMsPerRequest, sat.barePrepared.serverCpuMsPerRequest),
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padEnd(widths[c])).join('  '));
  for (const [label, profile] of [
    ['reads at the top rate', api.readProfile],
    ['commands', api.commandProfile],
  ]) {
    if (!profile) continue;
    console.log(`\norganization API, self time during ${label} (${profile.samples} samples), by package:`);
    for (const entry of profile.packages.slice(0, 15))
      console.log(`  ${String(entry.selfPercent).padStart(5)}%  ${entry.name}`);
    console.log('top frames:');
    for (const entry of profile.frames.slice(0, 20))
      console.log(`  ${String(entry.selfPercent).padStart(5)}%  ${entry.name}`);
  }
}
