import { readFileSync } from 'node:fs';
import { Client, Connection, type TLSConfig, type WorkflowClientInterceptor } from '@temporalio/client';
import type { PlatformConfig } from '../config/platform-config.js';
import { tracingClientInterceptors } from '../tracing/temporal-tracing.js';
import { ensureSearchAttributes, searchAttributesInterceptor } from './search-attributes.js';

/** The Temporal task queue of a service: configured, or named after the service. */
export function serviceTaskQueue(config: PlatformConfig, serviceName: string): string {
  return config.TEMPORAL_TASK_QUEUE ?? serviceName;
}

/** Address, TLS and API key of the Temporal frontend, for the client's and the worker's connections alike. */
export function temporalConnectionOptions(config: PlatformConfig): {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
} {
  const read = (path: string | undefined) => (path ? readFileSync(path) : undefined);
  const tlsOn = config.TEMPORAL_TLS === 'true' || Boolean(config.TEMPORAL_API_KEY);
  const ca = read(config.TEMPORAL_TLS_CA_FILE);
  const crt = read(config.TEMPORAL_TLS_CERT_FILE);
  const key = read(config.TEMPORAL_TLS_KEY_FILE);
  const tls: TLSConfig = {
    ...(ca ? { serverRootCACertificate: ca } : {}),
    ...(crt && key ? { clientCertPair: { crt, key } } : {}),
    ...(config.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME } : {}),
  };
  return {
    address: config.TEMPORAL_ADDRESS,
    ...(tlsOn ? { tls } : {}),
    ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
  };
}

export async function connectTemporalClient(
  config: PlatformConfig,
  workflowInterceptors: WorkflowClientInterceptor[] = [],
): Promise<Client> {
  const connection = await Connection.connect({
    ...temporalConnectionOptions(config),
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
