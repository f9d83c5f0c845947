import { DevTokens } from './dev-tokens.js';
import { currentInfrastructure } from './test-infrastructure.js';
import type { TestIsolation } from './isolation.js';

/**
 * The environment a service under test boots with, pointing at the real servers and isolated names, and trusting
 * the test run's identity service, whose tokens `TestHttpClient` presents.
 */
export function serviceEnvironment(
  isolation: TestIsolation,
  service: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const infra = currentInfrastructure();
  return {
    PORT: '0',
    DATABASE_URL: infra.databaseUrl,
    DATABASE_SCHEMA: isolation.schema(service),
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: isolation.topicPrefix,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: isolation.taskQueue(service),
    OIDC_ISSUER: DevTokens.ofTestRun().issuer,
    LOG_LEVEL: process.env.JIANFU_TEST_LOG_LEVEL ?? 'silent',
    ...extra,
  };
}
