import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Client } from '@temporalio/client';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const logDir = `${repoRoot}.local/test-run`;

/** One process of a service (its API or its Temporal worker) running on its own, as a deployment runs it. */
export interface ServiceProcess {
  name: string;
  pid: number;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | string>;
  /** SIGKILL: no shutdown hook runs, as when the machine or the container dies. */
  kill(): Promise<void>;
  /** SIGTERM, and SIGKILL after 10 s; for the suite's end. */
  stop(): Promise<void>;
}

/** The newest modification time of a TypeScript source under the folder. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const builds = new Map<string, boolean>();

/**
 * Whether the app's build (`apps/<app>/dist`, as `npm run build` writes it and CI's run has it after its build
 * check) is newer than every source of the app and the libraries. Its workflow bundle is written last, at every
 * build. A build older than any source is not run: the sources are.
 */
function currentBuild(app: string): boolean {
  let current = builds.get(app);
  if (current === undefined) {
    const bundle = `${repoRoot}apps/${app}/dist/workflow-bundle.js`;
    const libraries = readdirSync(`${repoRoot}libs`)
      .map((library) => `${repoRoot}libs/${library}/src`)
      .filter((folder) => existsSync(folder));
    current =
      existsSync(bundle) &&
      existsSync(`${repoRoot}apps/${app}/dist/main.js`) &&
      statSync(bundle).mtimeMs > Math.max(newestSource(`${repoRoot}apps/${app}/src`), ...libraries.map(newestSource));
    builds.set(app, current);
  }
  return current;
}

/**
 * Starts the app's `main` (the API) or `worker` (the Temporal worker) as a child process, with exactly the given
 * environment; it ends with the test run even if the run is killed. It runs the build's `dist/<entry>.js`, as a
 * deployment does, when that build is current (it starts in seconds: compiled, its workflows bundled), else
 * `src/<entry>.ts` from the TypeScript sources (each process compiles what it loads and each worker bundles its
 * workflows, which takes a minute or more with several processes on a small machine).
 * Its output goes to .local/test-run/<name>.log.
 */
export function startServiceProcess(
  app: string,
  entry: 'main' | 'worker',
  name: string,
  environment: Record<string, string>,
): ServiceProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(`${logDir}/${name}.log`);
  const fromBuild = currentBuild(app);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // The hooks compile TypeScript only; a build's JavaScript loads as it is. They also end the process with the run.
      ...(fromBuild ? ['--enable-source-maps'] : ['--conditions=@jianfu/source']),
      '--import',
      `${repoRoot}libs/testing/jest/register-typescript-sources.mjs`,
      fromBuild ? `${repoRoot}apps/${app}/dist/${entry}.js` : `${repoRoot}apps/${app}/src/${entry}.ts`,
    ],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        JIANFU_EXIT_WITH_PARENT: '1',
        // V8's compiled code of the modules, kept between processes: the second and later ones start faster.
        NODE_COMPILE_CACHE: `${repoRoot}.local/node-compile-cache`,
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    pid: child.pid ?? -1,
    exited,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Whether the process holds a listening TCP socket on the port (Linux, by /proc). With `SO_REUSEPORT` several
 * processes listen on one port and a request may reach any of them, so only this tells that a given replica listens.
 */
export function listensOn(process: ServiceProcess, port: number): boolean {
  let sockets: Set<string>;
  try {
    sockets = new Set(
      readdirSync(`/proc/${process.pid}/fd`)
        .map((fd) => {
          try {
            return readlinkSync(`/proc/${process.pid}/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .filter((link) => link.startsWith('socket:['))
        .map((link) => link.slice('socket:['.length, -1)),
    );
  } catch {
    return false;
  }
  const listening = '0A';
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === listening && parseInt(local.split(':')[1], 16) === port && sockets.has(inode)) return true;
    }
  }
  return false;
}

/** Waits until the API replica listens on the shared port itself, failing at once if it exits first. */
export async function listening(process: ServiceProcess, port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended: number | string | undefined;
  void process.exited.then((code) => (ended = code));
  while (!listensOn(process, port)) {
    if (ended !== undefined) {
      throw new Error(`${process.name} exited (${ended}) before it listened; see .local/test-run/${process.name}.log`);
    }
    if (Date.now() > deadline) throw new Error(`${process.name} did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A port for the replicas of one service to share, below the kernel's ephemeral range (32768 and up on Linux): a
 * port from that range (what binding port 0 hands out) may be taken by one of the many outgoing connections opened
 * while the replicas boot, and their listen would then fail.
 */
export async function sharedPort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (free) return port;
    if (attempt >= 50) throw new Error('no free port below the ephemeral range');
  }
}

// Temporal's enums TaskQueueKind.TASK_QUEUE_KIND_NORMAL and TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW.
const taskQueueKindNormal = 1;
const taskQueueTypeWorkflow = 1;

/**
 * Waits until the worker process polls its task queue for workflow tasks (Temporal lists its pollers by identity,
 * `<pid>@<host>`), failing at once if it exits first. No port of its own is needed to know it is ready.
 */
export async function pollingWorkflows(
  process: ServiceProcess,
  temporal: Client,
  taskQueue: string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended: number | string | undefined;
  void process.exited.then((code) => (ended = code));
  for (;;) {
    if (ended !== undefined) {
      throw new Error(`${process.name} exited (${ended}) before it polled; see .local/test-run/${process.name}.log`);
    }
    const { pollers } = await temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue, kind: taskQueueKindNormal },
      taskQueueType: taskQueueTypeWorkflow,
    });
    if ((pollers ?? []).some((poller) => poller.identity?.startsWith(`${process.pid}@`))) return;
    if (Date.now() > deadline) throw new Error(`${process.name} did not poll ${taskQueue} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
