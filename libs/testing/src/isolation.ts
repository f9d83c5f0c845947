import { randomBytes } from 'node:crypto';

/**
 * Names that keep one suite's data apart from every other's on the shared servers: its own Postgres
 * schemas, Kafka topic prefix (and so consumer groups), and Temporal task queues.
 */
export interface TestIsolation {
  id: string;
  schema(service: string): string;
  topicPrefix: string;
  taskQueue(service: string): string;
}

export function createTestIsolation(suite: string): TestIsolation {
  const id = `${suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  return {
    id,
    schema: (service) => `t_${id}_${service}`.slice(0, 63),
    topicPrefix: `t.${id}.`,
    taskQueue: (service) => `t-${id}-${service}`,
  };
}
