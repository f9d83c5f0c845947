import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, type TLSConfig, type WorkflowClientInterceptor } from '@temporalio/client';
import { DefaultLogger, type LogLevel, NativeConnection, Runtime, TransportError } from '@temporalio/worker';
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

const temporalLogLevels: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

let runtimeInstalled = false;

/**
 * The SDK's runtime is process-wide and installed once, by whichever comes first of the process's worker and its
 * client (in tests, the test file's setup); its log level follows the service's LOG_LEVEL.
 */
export function installTemporalRuntime(level: string): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(temporalLogLevels[level] ?? 'INFO') });
  } catch {
    // Another part of the process installed the runtime first; keep it.
  }
}

/**
 * A connection through the SDK's Rust core, for a worker and for a client alike: its gRPC transport runs off the
 * event loop, where `@grpc/grpc-js` spends the API's main thread on every call. The core connects once and fails
 * at once when the server is not there yet, so the boot tries again until `TEMPORAL_CONNECT_TIMEOUT_MS` has passed,
 * as a grpc-js channel waits for the server. Once connected, the core reconnects by itself.
 */
export async function connectNativeTemporal(config: PlatformConfig): Promise<NativeConnection> {
  installTemporalRuntime(config.LOG_LEVEL);
  const deadline = Date.now() + config.TEMPORAL_CONNECT_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await NativeConnection.connect(temporalConnectionOptions(config));
    } catch (error) {
      if (!(error instanceof TransportError) || Date.now() >= deadline) throw error;
      await sleep(Math.min(2000, 100 * 2 ** attempt, Math.max(0, deadline - Date.now())));
    }
  }
}

export async function connectTemporalClient(
  config: PlatformConfig,
  workflowInterceptors: WorkflowClientInterceptor[] = [],
): Promise<Client> {
  // The worker's kind of connection: a reviewer's click sends an Update without the API's event loop framing it.
  const connection = await connectNativeTemporal(config);
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
