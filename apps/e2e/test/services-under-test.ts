import { expect } from '@jest/globals';
import { AdmissionConfig, AdmissionModule, createAdmissionWorker } from '@jianfu/admission';
import { createFinanceWorker, FinanceConfig, FinanceModule } from '@jianfu/finance';
import { IdentityConfig, IdentityModule } from '@jianfu/identity';
import { createOrganizationWorker, OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { createPersonnelWorker, PersonnelConfig, PersonnelModule } from '@jianfu/personnel';
import { BudgetSet } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';
import {
  devToolsOf,
  eventually,
  freePort,
  proposeAndApprove,
  serviceEntry,
  publishForeignEvent,
  serviceEnvironment,
  startServiceUnderTest,
  type TestHttpClient,
  type TestIsolation,
} from '@jianfu/testing';

/**
 * The identity service: no worker (it runs no workflow), and it trusts only its own tokens, so it names its own URL
 * as the issuer and its test client gets tokens from it, by the dev-tools client enabled with a secret of this start.
 */
function identityService() {
  const start = async (isolation: TestIsolation) => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}/oidc`;
    const { devTools, tokens, environment: devToolsEnvironment } = devToolsOf(issuer);
    const service = await startServiceUnderTest({
      configClass: IdentityConfig,
      module: (config) => IdentityModule.forApi(config),
      environment: serviceEnvironment(isolation, 'identity', {
        OIDC_ISSUER: issuer,
        ...devToolsEnvironment,
      }),
      port,
      tokens,
    });
    return { ...service, devTools };
  };
  return { start, startWithWorker: start };
}

export const services = {
  organization: serviceEntry(
    'organization',
    OrganizationConfig,
    (config) => OrganizationModule.forApi(config),
    createOrganizationWorker,
  ),
  admission: serviceEntry(
    'admission',
    AdmissionConfig,
    (config) => AdmissionModule.forApi(config),
    createAdmissionWorker,
  ),
  finance: serviceEntry('finance', FinanceConfig, (config) => FinanceModule.forApi(config), createFinanceWorker),
  personnel: serviceEntry(
    'personnel',
    PersonnelConfig,
    (config) => PersonnelModule.forApi(config),
    createPersonnelWorker,
  ),
  identity: identityService(),
};

/**
 * Publishes the one-item pilot catalogue (民政 household survey) the cross-service flows submit against: the
 * reviewer proposes it and a second reviewer of the same scope approves it (publishing needs two people).
 */
export async function publishPilotCatalogue(admission: TestHttpClient, reviewer: Principal): Promise<void> {
  await proposeAndApprove(admission, '/catalogue/proposals', reviewer, {
    note: '试点清单',
    items: [
      {
        code: 'MZ-01',
        name: '最低生活保障对象入户调查',
        category: '民政事务',
        legalBasis: '《社会救助暂行办法》第十一条',
        owningDepartment: '区民政局',
        fundingStandardFen: 300000,
        allowedLedgers: ['低保对象台账'],
        evaluationAllowed: false,
      },
    ],
  });
}

/**
 * For flows that run admission without finance: announces a department's budget as finance would
 * (`finance.budget.set`), and waits until admission's pre-check knows it.
 */
export async function announceBudget(
  isolation: TestIsolation,
  admission: TestHttpClient,
  budget: { departmentId: string; year: number; approvedFen: number },
  reviewer: Principal,
): Promise<void> {
  await publishForeignEvent(isolation, BudgetSet, budget.departmentId, {
    ...budget,
    districtCode: '350102',
    revision: 1,
    setAt: new Date().toISOString(),
  });
  await eventually(async () => {
    const known = await admission.request('GET', `/departments/${budget.departmentId}/budgets/${budget.year}`, {
      as: reviewer,
    });
    expect(known.status).toBe(200);
  }, 40_000);
}
