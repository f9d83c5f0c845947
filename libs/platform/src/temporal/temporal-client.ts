import { Client, Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import type { PlatformConfig } from '../config/platform-config.js';
import { tracingClientInterceptors } from '../tracing/temporal-tracing.js';
import { ensureSearchAttributes, searchAttributesInterceptor } from './search-attributes.js';

/** The Temporal task queue of a service: configured, or named after the service. */
export function serviceTaskQueue(config: PlatformConfig, serviceName: string): string {
  return config.TEMPORAL_TASK_QUEUE ?? serviceName;
}

export async function connectTemporalClient(
  config: PlatformConfig,
  workflowInterceptors: WorkflowClientInterceptor[] = [],
): Promise<Client> {
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: config.TEMPORAL_CONNECT_TIMEOUT_MS,
  });
  // Before the first start: workflows carry the search attributes once the namespace knows them.
  await ensureSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  return new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    interceptors: {
      workflow: [...(await tracingClientInterceptors()), searchAttributesInterceptor(), ...workflowInterceptors],
    },
  });
}
