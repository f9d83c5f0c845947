import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { PlatformConfig } from '../config/platform-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PlatformMetrics } from '../metrics/platform-metrics.js';
import { EventPublisher } from '../outbox/event-publisher.js';
import { serveWorkerMetrics } from '../metrics/worker-metrics-server.js';
import { ServiceIdentity } from '../service-identity.js';
import { createServiceWorker } from './service-worker.js';
import { serviceTaskQueue } from './temporal-client.js';

/** A built workflow bundle: its code, or the path of a file holding it. */
export type WorkflowBundle = { code: string } | { codePath: string };

export interface NestBackedWorker {
  worker: Worker;
  context: INestApplicationContext;
  /** Stops polling, lets running activities finish, then closes connections and the Nest context. */
  close(): Promise<void>;
}

/**
 * A service's Temporal worker: activities take their dependencies (repositories, the outbox) from a Nest
 * context of the service's worker module, so they share code with the API, never copies.
 */
export async function createNestBackedWorker(options: {
  module: DynamicModule;
  config: PlatformConfig;
  workflowBundle?: WorkflowBundle;
  activities: (context: INestApplicationContext) => object;
}): Promise<NestBackedWorker> {
  const context = await NestFactory.createApplicationContext(options.module, { bufferLogs: true, abortOnError: false });
  let created: { worker: Worker; connection: NativeConnection };
  try {
    created = await createServiceWorker({
      config: options.config,
      taskQueue: serviceTaskQueue(options.config, context.get(ServiceIdentity).name),
      ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : {}),
      activities: options.activities(context),
    });
  } catch (error) {
    await context.close();
    throw error;
  }
  const { worker, connection } = created;
  const metricsServer = await serveWorkerMetrics(context.get(PlatformMetrics), options.config).catch(
    async (error: unknown) => {
      await context.close();
      // The Worker, built but never run, still holds the connection, so closing it fails ("Workers hold a
      // reference"); that failure must not hide why the metrics server could not start.
      await connection.close().catch(() => undefined);
      throw error;
    },
  );
  return {
    worker,
    context,
    async close() {
      metricsServer?.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await context.close();
      await connection.close();
    },
  };
}

/** What a service's activities are built from: its worker's Nest context and configuration, and what every service's use. */
export interface WorkerActivityDependencies<TConfig extends PlatformConfig> {
  context: INestApplicationContext;
  config: TConfig;
  transactions: TransactionRunner;
  events: EventPublisher;
}

export function workerActivityDependencies<TConfig extends PlatformConfig>(
  context: INestApplicationContext,
  config: TConfig,
): WorkerActivityDependencies<TConfig> {
  return { context, config, transactions: context.get(TransactionRunner), events: context.get(EventPublisher) };
}

/**
 * A service's worker factory, from its worker module and its activities: what each service states of its worker,
 * and no more.
 */
export function nestBackedWorkerFactory<TConfig extends PlatformConfig>(service: {
  workerModule: (config: TConfig) => DynamicModule;
  activities: (dependencies: WorkerActivityDependencies<TConfig>) => object;
}): (config: TConfig, workflowBundle: WorkflowBundle) => Promise<NestBackedWorker> {
  return (config, workflowBundle) =>
    createNestBackedWorker({
      module: service.workerModule(config),
      config,
      workflowBundle,
      activities: (context) => service.activities(workerActivityDependencies(context, config)),
    });
}

/** The workflow entry beside a module: TypeScript sources under tests, compiled JavaScript in dist. */
export function workflowsPathBeside(moduleUrl: string, basename = 'workflows'): string {
  const extension = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${basename}${extension}`, moduleUrl).pathname;
}
