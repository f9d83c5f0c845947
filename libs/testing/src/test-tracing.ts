import { createRequire } from 'node:module';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { activeTracing, startTracing } from '@jianfu/platform/tracing';

/**
 * Tracing for a suite, into memory. Jest loads modules through its own registry, where the instrumentations'
 * require hooks never run, so the HTTP instrumentation's patch is applied here to Node's own `http` module (whose
 * server prototype every service's server shares), and taken off again at the end: Jest runs later suites in
 * the same process. Other libraries stay unpatched under Jest; the spans the platform makes itself (Temporal's
 * interceptors, the outbox relay, the event consumer) need no patching.
 */
export async function startTestTracing(): Promise<{ exporter: InMemorySpanExporter; stop(): Promise<void> }> {
  const exporter = new InMemorySpanExporter();
  await startTracing({ serviceName: 'test', spanProcessor: new SimpleSpanProcessor(exporter) });
  const http = createRequire(import.meta.url)('node:http') as object;
  const definitions = new HttpInstrumentation()
    .getModuleDefinitions()
    .filter((definition) => definition.name === 'http');
  for (const definition of definitions) definition.patch?.(http, process.versions.node);
  return {
    exporter,
    async stop() {
      for (const definition of definitions) definition.unpatch?.(http, process.versions.node);
      await activeTracing()?.shutdown();
    },
  };
}
