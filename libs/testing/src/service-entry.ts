import type { DynamicModule } from '@nestjs/common';
import { type NestBackedWorker, type PlatformConfig, workflowsPathBeside } from '@jianfu/platform';
import type { DevTokens } from './dev-tokens.js';
import { serviceEnvironment } from './service-environment.js';
import { startServiceUnderTest } from './service-under-test.js';
import { startServiceWithWorker } from './service-with-worker.js';
import type { TestIsolation } from './isolation.js';

/**
 * One service as its own processes boot it, in a suite's isolation: its API alone, or with its worker and the
 * workflow bundle built from `apps/<name>/src/worker.ts`. A suite's registry of services is a table of these.
 */
export function serviceEntry<TConfig extends PlatformConfig>(
  name: string,
  configClass: new () => TConfig,
  module: (config: TConfig) => DynamicModule,
  createWorker: (config: TConfig, workflowBundle: { code: string }) => Promise<NestBackedWorker>,
) {
  const api = (isolation: TestIsolation, extra: Record<string, string>, tokens?: DevTokens) => ({
    configClass,
    module,
    environment: serviceEnvironment(isolation, name, extra),
    ...(tokens ? { tokens } : {}),
  });
  return {
    /**
     * `extra`: environment besides the suite's isolation (e.g. `OIDC_ISSUER`, to accept a signed-in user's tokens);
     * `tokens`: where the test client gets its own tokens when the service trusts another issuer than the run's.
     */
    start: (isolation: TestIsolation, extra: Record<string, string> = {}, tokens?: DevTokens) =>
      startServiceUnderTest(api(isolation, extra, tokens)),
    startWithWorker: (isolation: TestIsolation, extra: Record<string, string> = {}, tokens?: DevTokens) =>
      startServiceWithWorker({
        ...api(isolation, extra, tokens),
        createWorker,
        workflowsPath: workflowsPathBeside(new URL(`../../../apps/${name}/src/worker.ts`, import.meta.url).href),
      }),
  };
}
