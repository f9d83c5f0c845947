// Plain ESM: used by the Jest global setup (before any transform).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './infrastructure.mjs';

/** The variables through which the interop suite learns where Keycloak is, or why it is not. */
export const keycloakEnv = {
  issuer: 'JIANFU_KEYCLOAK_ISSUER',
  password: 'JIANFU_KEYCLOAK_PASSWORD',
  failure: 'JIANFU_KEYCLOAK_FAILURE',
};

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
 * Starts Keycloak (infra/keycloak/keycloak.sh) for the interop suite and waits until its realm answers. A Keycloak
 * that cannot start fails only that suite (its reason in JIANFU_KEYCLOAK_FAILURE), never the whole run.
 */
export async function startKeycloakProcess({ logFile = join(repoRoot, '.local', 'test-run', 'keycloak.log') } = {}) {
  const port = await freePort();
  const password = `Interop-${randomBytes(9).toString('base64url')}-1`;
  const issuer = `http://127.0.0.1:${port}/realms/jianfu`;
  mkdirSync(join(logFile, '..'), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn('bash', [join(repoRoot, 'infra/keycloak/keycloak.sh'), 'run'], {
    cwd: repoRoot,
    env: { ...process.env, JIANFU_KEYCLOAK_PORT: String(port), JIANFU_KEYCLOAK_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: the teardown stops the JVM with the script.
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exitCode;
  child.once('exit', (code) => {
    exitCode = code ?? 'signal';
  });
  const stop = async () => {
    if (exitCode !== undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let waited = 0; exitCode === undefined && waited < 20_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (exitCode === undefined) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (exitCode !== undefined) {
      return { failure: `Keycloak exited (${exitCode}) before it answered; see ${logFile}`, stop };
    }
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { issuer, password, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      return { failure: `Keycloak did not answer within four minutes; see ${logFile}`, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function exportKeycloak(keycloak) {
  if (keycloak.failure) {
    process.env[keycloakEnv.failure] = keycloak.failure;
    return;
  }
  process.env[keycloakEnv.issuer] = keycloak.issuer;
  process.env[keycloakEnv.password] = keycloak.password;
}
