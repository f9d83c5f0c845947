// The API process. Tracing starts before the service is imported: instrumentation patches a library as it loads.
import { startTracing } from '@jianfu/platform/tracing';

await startTracing({ serviceName: 'admission', processKind: 'api' });
await import('./api-process.js');
