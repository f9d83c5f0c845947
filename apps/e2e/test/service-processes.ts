import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
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

/**
 * Starts `apps/<app>/src/<entry>.ts` (main: the API; worker: the Temporal worker) as a child process from its
 * TypeScript sources, with exactly the given environment; it ends with the test run even if the run is killed.
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
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=@jianfu/source',
      '--import',
      `${repoRoot}libs/testing/jest/register-typescript-sources.mjs`,
      '--disable-warning=TimeoutNegativeWarning',
      `${repoRoot}apps/${app}/src/${entry}.ts`,
    ],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, JIANFU_EXIT_WITH_PARENT: '1', ...environment },
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

/** Waits until the process answers 200 at the URL (its /health/ready), failing at once if it exits first. */
export async function answers(process: ServiceProcess, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended: number | string | undefined;
  void process.exited.then((code) => (ended = code));
  for (;;) {
    if (ended !== undefined) {
      throw new Error(
        `${process.name} exited (${ended}) before ${url} answered; see .local/test-run/${process.name}.log`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} (${process.name}) did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
