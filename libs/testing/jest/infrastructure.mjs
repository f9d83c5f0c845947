// Plain ESM on purpose: Jest loads global setup outside its module system, before any transform applies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const stateFile = join(repoRoot, '.local', 'test-run', 'infrastructure.json');

/** The variables through which every test worker learns where the servers are. */
export const infraEnv = {
  databaseUrl: 'JIANFU_TEST_DATABASE_URL',
  kafkaBrokers: 'JIANFU_TEST_KAFKA_BROKERS',
  temporalAddress: 'JIANFU_TEST_TEMPORAL_ADDRESS',
  temporalTestServerPath: 'JIANFU_TEST_TEMPORAL_TEST_SERVER',
};

export function infrastructureFromEnvironment() {
  const databaseUrl = process.env[infraEnv.databaseUrl];
  const kafkaBrokers = process.env[infraEnv.kafkaBrokers];
  const temporalAddress = process.env[infraEnv.temporalAddress];
  if (!databaseUrl || !kafkaBrokers || !temporalAddress) return undefined;
  const temporalTestServerPath = process.env[infraEnv.temporalTestServerPath];
  return {
    databaseUrl,
    kafkaBrokers,
    temporalAddress,
    ...(temporalTestServerPath ? { temporalTestServerPath } : {}),
    startedBy: 'environment',
  };
}

export function exportInfrastructure(infra) {
  process.env[infraEnv.databaseUrl] = infra.databaseUrl;
  process.env[infraEnv.kafkaBrokers] = infra.kafkaBrokers;
  process.env[infraEnv.temporalAddress] = infra.temporalAddress;
  if (infra.temporalTestServerPath) process.env[infraEnv.temporalTestServerPath] = infra.temporalTestServerPath;
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(infra, null, 2));
}

export function readStartedInfrastructure() {
  return existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : undefined;
}

/** The test profile's settings, read from the same file the infra scripts use. */
export function nativeTestProfile() {
  const output = execFileSync('bash', ['-c', 'source infra/local/test-profile.sh >/dev/null && env -0'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return Object.fromEntries(
    output
      .split('\0')
      .filter((line) => line.startsWith('JIANFU_'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

export function runInfraScript(args, profile) {
  return execFileSync('bash', [join(repoRoot, 'infra/local', args[0]), ...args.slice(1)], {
    cwd: repoRoot,
    env: { ...process.env, ...profile },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}
