// Plain ESM: used by the Jest global setup (before any transform) and by the benches.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './infrastructure.mjs';

/** The variables through which test workers learn where to get their tokens. */
export const identityEnv = {
  issuer: 'JIANFU_TEST_OIDC_ISSUER',
  devToolsClientId: 'JIANFU_TEST_DEV_TOOLS_CLIENT_ID',
  devToolsClientSecret: 'JIANFU_TEST_DEV_TOOLS_CLIENT_SECRET',
};

export const devToolsClientId = 'jianfu-dev-tools';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts one identity service process, from its TypeScript sources, in a schema and topic prefix of its own, with
 * the dev-tools client enabled under a secret made up for this run. Every suite of the run gets its tokens from it:
 * the services under test verify them by its JWKS, as in production, and no test holds a signing key.
 */
export async function startIdentityProcess(
  infra,
  { logFile = join(repoRoot, '.local', 'test-run', 'identity.log') } = {},
) {
  const port = await freePort();
  const run = `run_${randomBytes(4).toString('hex')}`;
  const issuer = `http://127.0.0.1:${port}/oidc`;
  const clientSecret = randomBytes(32).toString('hex');
  mkdirSync(join(logFile, '..'), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      '--conditions=@jianfu/source',
      '--import',
      join(repoRoot, 'libs/testing/jest/register-typescript-sources.mjs'),
      join(repoRoot, 'apps/identity/src/main.ts'),
    ],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        JIANFU_EXIT_WITH_PARENT: '1',
        PORT: String(port),
        DATABASE_URL: infra.databaseUrl,
        DATABASE_SCHEMA: `t_${run}_identity`,
        KAFKA_BROKERS: infra.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `t.${run}.`,
        TEMPORAL_ADDRESS: infra.temporalAddress,
        OIDC_ISSUER: issuer,
        IDENTITY_DEV_TOKENS: 'enabled',
        IDENTITY_DEV_TOOLS_CLIENT_ID: devToolsClientId,
        IDENTITY_DEV_TOOLS_CLIENT_SECRET: clientSecret,
        // Suites run for many minutes and may stop the clock of nothing but Temporal: tokens outlive them.
        IDENTITY_DEV_TOKEN_MAX_SECONDS: String(24 * 3600),
        // Every test's caller asks for tokens; the per-address sign-in throttle concerns people, not this client.
        RATE_LIMIT_COMMANDS: '0',
        LOG_LEVEL: process.env.JIANFU_TEST_IDENTITY_LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('waiting'), 250))]);
    if (code !== 'waiting') {
      throw new Error(`The identity service of the test run exited (${code}) before it answered; see ${logFile}`);
    }
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The identity service of the test run did not answer within two minutes; see ${logFile}`);
    }
  }
  return {
    issuer,
    clientId: devToolsClientId,
    clientSecret,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Exports the identity service's issuer and dev-tools client to the test workers, which inherit the environment. */
export function exportIdentity(identity) {
  process.env[identityEnv.issuer] = identity.issuer;
  process.env[identityEnv.devToolsClientId] = identity.clientId;
  process.env[identityEnv.devToolsClientSecret] = identity.clientSecret;
}
