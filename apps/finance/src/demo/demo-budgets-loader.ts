import { type ServiceAnswer, serviceApiClient, unexpectedAnswer } from '@jianfu/platform';
import { demoBaseStandardFen, demoDepartmentBudgets } from './demo-budgets.js';

export interface DemoBudgetsSummary {
  year: number;
  /** Budgets this run set. */
  set: number;
  /** Budgets that were already there, left as they are. */
  existing: number;
  standardSet: boolean;
  millis: number;
}

export interface DemoBudgetsOptions {
  /** The budget year; default: this year, China time. */
  year?: number;
  /** How long to wait for finance to learn the departments from organization's events. */
  waitMillis?: number;
  pollMillis?: number;
}

interface KnownDepartment {
  departmentId: string;
  code: string;
}

function chinaYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}

/**
 * Gives the demo district's departments their yearly budgets and the district its base-allocation
 * standard, through the finance API as a finance officer of district 350102. Finance learns the
 * departments from organization's DepartmentCreated events, so the load first waits (bounded) until it
 * knows them all. Re-running changes nothing: a budget or standard already set is left as it is, so a
 * figure an officer adjusted since is not undone either.
 */
export async function loadDemoBudgets(
  baseUrl: string,
  token: string,
  options: DemoBudgetsOptions = {},
): Promise<DemoBudgetsSummary> {
  const started = Date.now();
  const year = options.year ?? chinaYear();
  const waitMillis = options.waitMillis ?? 60_000;
  const pollMillis = options.pollMillis ?? 1_000;

  const call = serviceApiClient(baseUrl, token);
  function fail(method: string, path: string, answer: ServiceAnswer<unknown>): never {
    throw unexpectedAnswer(method, path, answer);
  }

  async function knownDepartments(): Promise<Map<string, string>> {
    const response = await call<{ items: KnownDepartment[] }>('GET', '/departments?limit=500');
    if (response.status !== 200) fail('GET', '/departments', response);
    return new Map(response.body.items.map((department) => [department.code, department.departmentId]));
  }

  let known = await knownDepartments();
  const missing = () => demoDepartmentBudgets.filter((budget) => !known.has(budget.code)).map((b) => b.code);
  while (missing().length > 0) {
    if (Date.now() - started >= waitMillis) {
      throw new Error(
        `finance did not learn the demo departments within ${waitMillis} ms; still missing: ${missing().join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMillis));
    known = await knownDepartments();
  }

  const tally = { set: 0, existing: 0 };
  for (const budget of demoDepartmentBudgets) {
    const path = `/departments/${known.get(budget.code)}/budgets/${year}`;
    const current = await call<{ approvedFen: number }>('GET', path);
    if (current.status === 200 && current.body.approvedFen > 0) {
      tally.existing += 1;
      continue;
    }
    if (current.status !== 200 && current.status !== 404) fail('GET', path, current);
    const response = await call('PUT', path, {
      approvedFen: budget.approvedFen,
      reason: `${year} 年部门预算（演示数据）`,
    });
    if (response.status !== 200) fail('PUT', path, response);
    tally.set += 1;
  }

  const standardPath = `/base-allocation-standards/${year}`;
  const standard = await call<{ isDefault: boolean }>('GET', standardPath);
  if (standard.status !== 200) fail('GET', standardPath, standard);
  if (standard.body.isDefault) {
    const response = await call('PUT', standardPath, { amountFen: demoBaseStandardFen });
    if (response.status !== 200) fail('PUT', standardPath, response);
  }

  return { year, ...tally, standardSet: standard.body.isDefault, millis: Date.now() - started };
}
