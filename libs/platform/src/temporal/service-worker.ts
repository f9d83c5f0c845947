import { existsSync } from 'node:fs';
import {
  bundleWorkflowCode,
  DefaultLogger,
  type NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { PlatformConfig } from '../config/platform-config.js';
import { activeTracing } from '../tracing/tracing.js';
import { ensureSearchAttributes } from './search-attributes.js';
import { connectNativeTemporal } from './temporal-client.js';
import { tracingWorkerOptions, tracingWorkflowInterceptorModules } from '../tracing/temporal-tracing.js';

export interface WorkflowBundleSource {
  /** The module exporting the service's workflows (TypeScript source or compiled JavaScript). */
  workflowsPath: string;
  /**
   * A bundle written at build time; used when present so a worker starts without webpack. A traced worker uses
   * the traced bundle beside it (`<name>.traced.js`).
   */
  prebuiltBundlePath?: string;
}

/** The build's bundle with the OpenTelemetry workflow interceptors, beside the plain one. */
export function tracedBundlePath(prebuiltBundlePath: string): string {
  return prebuiltBundlePath.replace(/\.js$/, '.traced.js');
}

/**
 * Bundles workflow code once. Workflows are resolved from TypeScript sources of the workspace libraries
 * (the `@jianfu/source` condition) when the path is a `.ts` file, from compiled output otherwise.
 */
export async function bundleWorkflows(
  workflowsPath: string,
  options: { traced?: boolean } = {},
): Promise<WorkflowBundleWithSourceMap> {
  const fromSource = workflowsPath.endsWith('.ts');
  const traced = options.traced ?? activeTracing() !== undefined;
  return bundleWorkflowCode({
    workflowsPath,
    // Traced workflows carry the OpenTelemetry interceptors in their bundle; untraced ones pay nothing for them.
    ...(traced ? { workflowInterceptorModules: tracingWorkflowInterceptorModules() } : {}),
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      if (fromSource) {
        config.resolve = { ...config.resolve, conditionNames: ['@jianfu/source', '...'] };
      }
      return config;
    },
  });
}

export async function loadWorkflowBundle(
  source: WorkflowBundleSource,
): Promise<{ code: string } | { codePath: string }> {
  if (source.prebuiltBundlePath) {
    const path = activeTracing() ? tracedBundlePath(source.prebuiltBundlePath) : source.prebuiltBundlePath;
    if (existsSync(path)) return { codePath: path };
  }
  return bundleWorkflows(source.workflowsPath);
}

export interface ServiceWorkerOptions {
  config: PlatformConfig;
  taskQueue: string;
  /** Absent for a service whose worker runs activities only. */
  workflowBundle?: { code: string } | { codePath: string };
  activities: object;
  /** Extra identity text, useful when several workers of one service run at once. */
  identity?: string;
}

/**
 * The SDK's workflow threads record a stack trace for every promise a workflow creates, for the stack trace
 * queries alone; `patches/@temporalio+worker+1.24.0.patch` lets a process leave that out. The threads read the
 * variable when they start, and they start with the worker, so it is set first. A process that hosts several
 * workers gives them one setting: the last worker created decides for the threads started after it.
 */
function keepWorkflowStackTraces(keep: boolean): void {
  if (keep) delete process.env.TEMPORAL_WORKFLOW_PROMISE_STACK_TRACES;
  else process.env.TEMPORAL_WORKFLOW_PROMISE_STACK_TRACES = 'off';
}

/** A worker of one service's task queue, with graceful shutdown that lets running activities finish. */
export async function createServiceWorker(
  options: ServiceWorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  keepWorkflowStackTraces(options.config.TEMPORAL_WORKFLOW_STACK_TRACES === 'true');
  const connection = await connectNativeTemporal(options.config);
  // Registered at the worker's boot too, so a namespace that lacks them gets them before any workflow upserts.
  await ensureSearchAttributes(connection, options.config.TEMPORAL_NAMESPACE);
  const tracing = await tracingWorkerOptions();
  const worker = await Worker.create({
    ...(tracing ?? {}),
    connection,
    namespace: options.config.TEMPORAL_NAMESPACE,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : {}),
    activities: options.activities,
    shutdownGraceTime: '10s',
    nonStickyToStickyPollRatio: options.config.TEMPORAL_NON_STICKY_POLL_RATIO,
    ...(options.identity ? { identity: options.identity } : {}),
  });
  return { worker, connection };
}
