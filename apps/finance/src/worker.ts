// The Temporal worker process. Tracing starts before the worker is imported, and picks the traced workflow bundle.
import { startTracing } from '@jianfu/platform/tracing';

await startTracing({ serviceName: 'finance', processKind: 'worker' });
await import('./worker-process.js');
