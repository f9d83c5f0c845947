import { createRequire } from 'node:module';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import { activeTracing } from './tracing.js';

/**
 * Temporal's OpenTelemetry interceptors, only while tracing is on: the client puts the caller's context in the
 * workflow's headers, the workflow's spans (made in the sandbox) leave it through a sink, and activities continue
 * the workflow's trace. Loaded lazily, so a process without traces never loads them.
 */
export async function tracingClientInterceptors(): Promise<WorkflowClientInterceptor[]> {
  if (!activeTracing()) return [];
  const { OpenTelemetryWorkflowClientInterceptor } = await import('@temporalio/interceptors-opentelemetry');
  return [new OpenTelemetryWorkflowClientInterceptor()];
}

export async function tracingWorkerOptions(): Promise<
  { interceptors: WorkerInterceptors; sinks: InjectedSinks<OpenTelemetrySinks> } | undefined
> {
  const tracing = activeTracing();
  if (!tracing) return undefined;
  const { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } =
    await import('@temporalio/interceptors-opentelemetry');
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}

/**
 * The workflow interceptor module a traced worker's bundle must contain. Workflow code runs from a bundle made
 * at build time or by the worker, so a traced worker runs its own bundle (`workflow-bundle.traced.js`).
 */
export function tracingWorkflowInterceptorModules(): string[] {
  return [createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
}
