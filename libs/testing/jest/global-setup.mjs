import {
  exportInfrastructure,
  infrastructureFromEnvironment,
  nativeTestProfile,
  runInfraScript,
} from './infrastructure.mjs';
import { exportIdentity, startIdentityProcess } from './identity-process.mjs';
import { exportKeycloak, startKeycloakProcess } from './keycloak-process.mjs';

/**
 * Provides real Postgres, Kafka and Temporal for the integration suites, in this order of preference:
 * servers named by JIANFU_TEST_* variables; containers, when a Docker engine answers; else the native
 * servers of infra/local in their test profile (own ports and data, fsync off), installed on first use.
 * Then starts the run's one identity service, which issues every suite's tokens (identity-process.mjs), and, with
 * JIANFU_KEYCLOAK_INTEROP=1 (the whole suite under dev.sh test, so CI), Keycloak for the interop suite.
 */
export default async function globalSetup() {
  const infra =
    infrastructureFromEnvironment() ?? (await startContainersIfDockerAnswers()) ?? startNativeInfrastructure();
  exportInfrastructure(infra);
  const keycloak = process.env.JIANFU_KEYCLOAK_INTEROP === '1' ? startKeycloakProcess() : undefined;
  const identity = await startIdentityProcess(infra);
  // Global setup and teardown share this object: the teardown stops the processes.
  globalThis.jianfuTestIdentity = identity;
  exportIdentity(identity);
  if (keycloak) {
    globalThis.jianfuTestKeycloak = await keycloak;
    exportKeycloak(globalThis.jianfuTestKeycloak);
  }
}

function startNativeInfrastructure() {
  const profile = nativeTestProfile();
  runInfraScript(['infra.sh', 'start'], profile);
  const user = profile.JIANFU_PG_USER ?? 'jianfu';
  const password = profile.JIANFU_PG_PASSWORD ?? 'jianfu';
  const database = profile.JIANFU_PG_DATABASE ?? 'jianfu';
  return {
    databaseUrl: `postgres://${user}:${password}@127.0.0.1:${profile.JIANFU_PG_PORT}/${database}`,
    kafkaBrokers: `127.0.0.1:${profile.JIANFU_KAFKA_PORT}`,
    temporalAddress: `127.0.0.1:${profile.JIANFU_TEMPORAL_PORT}`,
    temporalTestServerPath: runInfraScript(['temporal.sh', 'print-test-server-path'], profile),
    startedBy: 'native',
  };
}

async function startContainersIfDockerAnswers() {
  if (process.env.JIANFU_TEST_NO_CONTAINERS === '1') return undefined;
  // Imported lazily: testcontainers is only needed where an engine may exist.
  const testcontainers = await import('testcontainers');
  try {
    await testcontainers.getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [postgres, kafka, temporal] = await Promise.all([
    new PostgreSqlContainer('postgres:17').withDatabase('jianfu').withUsername('jianfu').withPassword('jianfu').start(),
    new KafkaContainer('apache/kafka:4.3.1').withKraft().start(),
    new testcontainers.GenericContainer('temporalio/temporal:1.9.1')
      .withCommand(['server', 'start-dev', '--ip', '0.0.0.0', '--headless'])
      .withExposedPorts(7233)
      .withWaitStrategy(testcontainers.Wait.forListeningPorts())
      .start(),
  ]);
  return {
    databaseUrl: postgres.getConnectionUri(),
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    temporalAddress: `${temporal.getHost()}:${temporal.getMappedPort(7233)}`,
    startedBy: 'testcontainers',
  };
}
