import type { DynamicModule } from '@nestjs/common';
import { AdmissionConfig, AdmissionModule, createAdmissionWorker } from '@jianfu/admission';
import { createFinanceWorker, FinanceConfig, FinanceModule } from '@jianfu/finance';
import { createOrganizationWorker, OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { createPersonnelWorker, PersonnelConfig, PersonnelModule } from '@jianfu/personnel';
import { type NestBackedWorker, type PlatformConfig, workflowsPathBeside } from '@jianfu/platform';
import {
  type DevTokens,
  serviceEnvironment,
  startServiceUnderTest,
  startServiceWithWorker,
  type TestIsolation,
} from '@jianfu/testing';

/** One service the console talks to, as its own processes boot it: its API alone, or with its worker. */
function service<TConfig extends PlatformConfig>(
  name: string,
  configClass: new () => TConfig,
  module: (config: TConfig) => DynamicModule,
  createWorker: (config: TConfig, workflowBundle: { code: string }) => Promise<NestBackedWorker>,
) {
  const api = (isolation: TestIsolation, environment: Record<string, string> = {}, tokens?: DevTokens) => ({
    configClass,
    module,
    environment: { ...serviceEnvironment(isolation, name), ...environment },
    ...(tokens ? { tokens } : {}),
  });
  return {
    start: (isolation: TestIsolation) => startServiceUnderTest(api(isolation)),
    /** `tokens`: where the test client gets its tokens when the service trusts another issuer than the run's. */
    startWithWorker: (isolation: TestIsolation, environment: Record<string, string> = {}, tokens?: DevTokens) =>
      startServiceWithWorker({
        ...api(isolation, environment, tokens),
        createWorker,
        workflowsPath: workflowsPathBeside(new URL(`../../${name}/src/worker.ts`, import.meta.url).href),
      }),
  };
}

/** The four services behind the console's `/api/<name>` paths. */
export const consoleServices = {
  organization: service(
    'organization',
    OrganizationConfig,
    (config) => OrganizationModule.forApi(config),
    createOrganizationWorker,
  ),
  admission: service('admission', AdmissionConfig, (config) => AdmissionModule.forApi(config), createAdmissionWorker),
  finance: service('finance', FinanceConfig, (config) => FinanceModule.forApi(config), createFinanceWorker),
  personnel: service('personnel', PersonnelConfig, (config) => PersonnelModule.forApi(config), createPersonnelWorker),
};

export type ConsoleServiceName = keyof typeof consoleServices;
