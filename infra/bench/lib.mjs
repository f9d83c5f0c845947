// Shared pieces of the benchmark: percentiles, child processes with their memory, free ports, polling.
import { spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? null),
    mean: round(sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null),
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The resident set of a process now and at its peak, in MiB (Linux /proc). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMiB: Math.round(kib('VmRSS') / 1024), peakRssMiB: Math.round(kib('VmHWM') / 1024) };
  } catch {
    return { rssMiB: null, peakRssMiB: null };
  }
}

/**
 * The machine's CPU counters so far (`/proc/stat`, all cores, in ticks): what was busy, idle and idle waiting on the
 * disk. Two snapshots around a phase tell whether it kept the cores busy or waited on something else.
 */
export function machineCpu() {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: user + nice + system + irq + softirq + steal, idle, iowait };
}

/** Shares of the machine's CPU time between two `machineCpu()` snapshots, in percent. */
export function machineCpuShares(before, after) {
  const busy = after.busy - before.busy;
  const idle = after.idle - before.idle;
  const iowait = after.iowait - before.iowait;
  const total = busy + idle + iowait;
  const percent = (part) => (total > 0 ? Math.round((part / total) * 1000) / 10 : null);
  return { busyPercent: percent(busy), idlePercent: percent(idle), iowaitPercent: percent(iowait) };
}

/**
 * How much each counter grew per chain over a phase, to one decimal: each process's CPU ms (10 ms clock ticks, so a
 * rough figure for short phases), or the driver's requests. A counter unknown (null) at either end is left out; one
 * absent from `before` counts from zero (a sum over rounds, which starts at nothing).
 */
export function perChain(before, after, chains) {
  return Object.fromEntries(
    Object.keys(after)
      .filter((name) => before[name] !== null && after[name] !== null)
      .map((name) => [name, Math.round(((after[name] - (before[name] ?? 0)) / chains) * 10) / 10]),
  );
}

/** `n` over `seconds`, to three decimals: a round's or a side's chains/s. */
export function perSecond(n, seconds) {
  return Math.round((n / seconds) * 1000) / 1000;
}

/**
 * One side's measured rounds together (the bare chain's or the platform's; each round `{ chains, concurrency,
 * seconds, results, cpuMs, machine: { before, after } }`, every result with its `totalMs` and its `answers`):
 * chains/s is all the rounds' chains over all their measured seconds, the CPU per chain each process's CPU over all
 * their chains, the latencies and the machine's shares over all of them; each round's own figures beside them, in
 * the order run.
 */
export function roundsTogether(rounds) {
  const chains = rounds.reduce((sum, r) => sum + r.chains, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const cpuMs = {};
  for (const r of rounds) for (const [name, ms] of Object.entries(r.cpuMs)) cpuMs[name] = (cpuMs[name] ?? 0) + ms;
  const zero = { busy: 0, idle: 0, iowait: 0 };
  const machine = rounds.reduce(
    (sum, { machine: { before, after } }) => ({
      busy: sum.busy + after.busy - before.busy,
      idle: sum.idle + after.idle - before.idle,
      iowait: sum.iowait + after.iowait - before.iowait,
    }),
    zero,
  );
  return {
    chains,
    concurrency: rounds[0].concurrency,
    seconds: Math.round(seconds * 100) / 100,
    chainsPerSecond: perSecond(chains, seconds),
    latencyMs: summarize(rounds.flatMap((r) => r.results.map((c) => c.totalMs))),
    secretaryAnswerMs: summarize(rounds.flatMap((r) => r.results.flatMap((c) => c.answers))),
    cpuMsPerChain: perChain({}, cpuMs, chains),
    machineCpu: machineCpuShares(zero, machine),
    rounds: rounds.map((r) => ({
      round: r.round,
      chains: r.chains,
      seconds: Math.round(r.seconds * 100) / 100,
      chainsPerSecond: perSecond(r.chains, r.seconds),
      cpuMsPerChain: perChain({}, r.cpuMs, r.chains),
      machineCpu: machineCpuShares(r.machine.before, r.machine.after),
    })),
  };
}

/**
 * The order of a run's measured rounds, `rounds` of each side: bare, platform, platform, bare, bare, platform, ...
 * (ABBA). Each side's rounds then lie around the same moment of the run, so a machine that speeds up or slows down
 * steadily over the phase moves both sides alike instead of the one measured later.
 */
export function roundOrder(rounds) {
  return Array.from({ length: rounds }, (_, pair) =>
    pair % 2 === 0 ? ['bare', 'platform'] : ['platform', 'bare'],
  ).flat();
}

/** `total` split into `parts` whole shares as even as can be, the larger ones last. */
export function shares(total, parts) {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts),
  );
}

/**
 * CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). Per request, it
 * measures what a server costs, whatever the rest of the machine is doing.
 */
export function cpuTimeOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The process listening on a local TCP port (Linux /proc), or null: to measure a server the run did not start. */
export function pidListeningOn(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines;
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN.
      if (fields[3] === '0A' && parseInt(fields[1].split(':')[1], 16) === port) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(pid);
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return null;
}

/**
 * CPU ms used so far by every Postgres process of the machine together, summed by name. Backends come and go: a
 * backend that exits takes its CPU time out of the live processes' sum, so each process's reaped children's time
 * (`cutime` + `cstime`: the postmaster's exited backends) counts too, and the total only grows. Without it, a pool
 * closing idle connections during a phase made the phase's Postgres CPU negative.
 */
export function postgresCpuTime() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/**
 * A snapshot function of the shared servers' CPU (ms so far): the Temporal server and the Kafka broker found by
 * the port they listen on, Postgres summed over its processes. Servers elsewhere read null.
 */
export function serverCpu({ temporalAddress, kafkaBrokers }) {
  const port = (address) => Number(address.split(',')[0].split(':').at(-1));
  const temporal = pidListeningOn(port(temporalAddress));
  const kafka = pidListeningOn(port(kafkaBrokers));
  return () => ({
    'Temporal server': temporal ? cpuTimeOf(temporal) : null,
    Kafka: kafka ? cpuTimeOf(kafka) : null,
    Postgres: postgresCpuTime(),
  });
}

/**
 * Starts a node process with its output in a log file; `stop()` sends SIGTERM and waits for it to end.
 * `nodeArgs` go before the script (e.g. `--import` of the profiling preload).
 */
export function startProcess(name, script, env, logDir, nodeArgs = []) {
  const log = openSync(`${logDir}/${name}.log`, 'a');
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log, 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    name,
    child,
    exited,
    memory: () => memoryOf(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const ended = await Promise.race([exited, sleep(20_000).then(() => null)]);
      if (!ended) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Polls until `check` returns a value other than undefined; throws after `timeoutMs`. */
export async function until(check, { intervalMs, timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Runs `task(i)` for i < total with at most `concurrency` at a time. */
export async function pool(total, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

/**
 * The options of one HTTP request with a bearer token and, when there is one, a JSON body, on a keep-alive `agent`:
 * the load generators' requests (the API phase's and the chain driver's).
 */
export function jsonRequestOptions({ agent, hostname, port, method, path, authorization, payload, headers = {} }) {
  return {
    agent,
    hostname,
    port,
    method,
    path,
    headers: {
      authorization,
      ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      ...headers,
    },
  };
}
