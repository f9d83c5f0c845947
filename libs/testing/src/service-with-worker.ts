import type { DynamicModule } from '@nestjs/common';
import type pg from 'pg';
import {
  activeTracing,
  bundleWorkflows,
  loadConfig,
  type NestBackedWorker,
  type PlatformConfig,
} from '@jianfu/platform';
import { startServiceUnderTest, type ServiceUnderTest } from './service-under-test.js';
import { testDatabase } from './test-database.js';

export interface ServiceWithWorker<TConfig extends PlatformConfig> extends ServiceUnderTest<TConfig> {
  environment: Record<string, string>;
  db: pg.Pool;
  startWorker(): Promise<void>;
  /** Stops the worker the way a crash-and-restart would cut it off: running workflows stay in Temporal. */
  stopWorker(): Promise<void>;
  restartWorker(): Promise<void>;
  /** Stops the worker, the API and the pool. */
  close(): Promise<void>;
}

// Bundling takes seconds; a test file bundles each workflows module once, however many workers it starts.
const bundles = new Map<string, Promise<{ code: string }>>();

function bundleOnce(workflowsPath: string): Promise<{ code: string }> {
  // A traced test bundles the tracing interceptors in; the key keeps the two apart.
  const key = `${workflowsPath}${activeTracing() ? ' (traced)' : ''}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = bundleWorkflows(workflowsPath);
    bundles.set(key, bundle);
  }
  return bundle;
}

/**
 * A service's API process and its Temporal worker on the real servers, the worker stoppable and restartable
 * as a deployment would do it, with a pool for looking into the service's schema.
 */
export async function startServiceWithWorker<TConfig extends PlatformConfig>(options: {
  configClass: new () => TConfig;
  environment: Record<string, string>;
  module: (config: TConfig) => DynamicModule;
  createWorker: (config: TConfig, workflowBundle: { code: string }) => Promise<NestBackedWorker>;
  workflowsPath: string;
  /** false: the worker starts only when the test asks for it. */
  startWorker?: boolean;
}): Promise<ServiceWithWorker<TConfig>> {
  const withWorker = options.startWorker ?? true;
  const [api] = await Promise.all([
    startServiceUnderTest(options),
    withWorker ? bundleOnce(options.workflowsPath) : undefined,
  ]);
  const db = testDatabase();
  let worker: { started: NestBackedWorker; running: Promise<void> } | undefined;

  const startWorker = async () => {
    const started = await options.createWorker(
      loadConfig(options.configClass, options.environment),
      await bundleOnce(options.workflowsPath),
    );
    worker = { started, running: started.worker.run() };
  };
  const stopWorker = async () => {
    if (!worker) return;
    const { started, running } = worker;
    worker = undefined;
    started.worker.shutdown();
    await running;
    await started.close();
  };

  const service: ServiceWithWorker<TConfig> = {
    ...api,
    environment: options.environment,
    db,
    startWorker,
    stopWorker,
    restartWorker: async () => {
      await stopWorker();
      await startWorker();
    },
    close: async () => {
      await stopWorker().catch(() => undefined);
      await api.close();
      await db.end();
    },
  };
  if (withWorker) {
    try {
      await startWorker();
    } catch (error) {
      // A worker that cannot start must not leave the API (its outbox relay, its consumer) running
      // past the suite, where it would keep the test process alive.
      await api.close().catch(() => undefined);
      await db.end().catch(() => undefined);
      throw error;
    }
  }
  return service;
}
