import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry for one process: spans of HTTP, pg, the Temporal client, workflows and activities,
 * and the events this process relays and consumes, exported by OTLP as the standard `OTEL_*` variables say.
 *
 * Off unless configured: without `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or an
 * `OTEL_TRACES_EXPORTER` other than `none` (or with `OTEL_SDK_DISABLED=true`) nothing of the SDK is even loaded,
 * and the spans the platform asks for are the API's no-op spans.
 *
 * This module imports only types at its top, so an entry point can start tracing before it imports the
 * service: instrumentation patches a library when it is loaded, never one that was loaded before.
 */
export interface ActiveTracing {
  /** Where every span goes, the workflow spans that Temporal's sink carries out of the sandbox too. */
  spanProcessor: SpanProcessor;
  resource: Resource;
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  serviceName: string;
  /** The process kind, as a resource attribute (`api`, `worker`). */
  processKind?: string;
  /** Tests hand a processor around an in-memory exporter; tracing then starts whatever the environment says. */
  spanProcessor?: SpanProcessor;
  env?: NodeJS.ProcessEnv;
}

// Kept on globalThis: an entry point and the service it imports afterwards may hold two copies of this module
// (source and compiled, or two test module registries), and must see one tracing state.
const stateKey = Symbol.for('jianfu.tracing');
type TracingHolder = { [stateKey]?: ActiveTracing };

/** Whether the environment asks for traces. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter === 'none') return false;
  return Boolean(exporter || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** The running tracing of this process, or undefined when traces are off. */
export function activeTracing(): ActiveTracing | undefined {
  return (globalThis as TracingHolder)[stateKey];
}

/**
 * Starts the SDK once per process when configured (or when a test hands a processor); returns whether traces
 * are on. Call it first in an entry point, then import the service with a dynamic `import()`.
 */
export async function startTracing(options: TracingOptions): Promise<boolean> {
  if (activeTracing()) return true;
  const env = options.env ?? process.env;
  if (!options.spanProcessor && !tracingConfigured(env)) return false;

  if (!options.spanProcessor) {
    // ES modules are patched through a loader hook, which sees only modules loaded after it is registered.
    const { register } = await import('node:module');
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  }
  const [
    { NodeSDK },
    { Resource },
    { BatchSpanProcessor, ConsoleSpanExporter },
    { OTLPTraceExporter },
    { HttpInstrumentation },
    { PgInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const resource = new Resource({
    'service.name': env.OTEL_SERVICE_NAME ?? `jianfu-${options.serviceName}`,
    'service.namespace': 'jianfu',
    ...(options.processKind ? { 'jianfu.process': options.processKind } : {}),
  });
  // OTLP over HTTP (endpoint, headers and timeouts from the standard OTEL_EXPORTER_OTLP_* variables), or the
  // console for a look on a developer's machine.
  const exporter =
    env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter();
  const spanProcessor = options.spanProcessor ?? new BatchSpanProcessor(exporter);
  const sdk = new NodeSDK({
    resource,
    spanProcessors: [spanProcessor],
    // Kafka is traced by the outbox relay and the event consumer themselves (see event-trace.ts): the relay
    // sends rows of many traces in one batch, which the kafkajs instrumentation would all parent to the relay.
    // Express 5 is beyond this instrumentation line's Express instrumentation (which Temporal's interceptors
    // pin); the HTTP server span covers the request.
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isProbe(request.url) }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  const state: ActiveTracing = {
    spanProcessor,
    resource,
    async shutdown() {
      delete (globalThis as TracingHolder)[stateKey];
      await sdk.shutdown();
    },
  };
  (globalThis as TracingHolder)[stateKey] = state;
  return true;
}

/** Probes and scrapes every few seconds would drown the traces that matter. */
function isProbe(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/health') || url.startsWith('/metrics'));
}
