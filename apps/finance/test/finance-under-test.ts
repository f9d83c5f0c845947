import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type EventEnvelope, TaskAdmitted, type TaskAdmittedPayload } from '@jianfu/contracts';
import { type Principal, TransactionRunner, workflowsPathBeside } from '@jianfu/platform';
import {
  EventFedService,
  eventually,
  serviceEnvironment,
  startServiceWithWorker,
  type ServiceWithWorker,
  type TestIsolation,
} from '@jianfu/testing';
import { FinanceModule } from '../src/app.module.js';
import { FinanceConfig } from '../src/config.js';
import { createFinanceWorker } from '../src/finance-worker.js';

/** The finance API and worker on the real servers, with the few moves most finance suites need. */
export class FinanceUnderTest extends EventFedService<FinanceConfig> {
  private constructor(
    isolation: TestIsolation,
    readonly api: ServiceWithWorker<FinanceConfig>,
  ) {
    super(isolation, 'finance');
  }

  static async start(isolation: TestIsolation, extra: Record<string, string> = {}): Promise<FinanceUnderTest> {
    const api = await startServiceWithWorker({
      configClass: FinanceConfig,
      environment: serviceEnvironment(isolation, 'finance', extra),
      module: (config) => FinanceModule.forApi(config),
      createWorker: createFinanceWorker,
      workflowsPath: workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    });
    return new FinanceUnderTest(isolation, api);
  }

  async addCommunities(communityIds: string[], streetCode = 'S-1', districtCode = '350102'): Promise<void> {
    const directory = this.api.app.get(CommunityDirectoryRepository);
    await this.api.app.get(TransactionRunner).run(async (tx) => {
      for (const communityId of communityIds) {
        await directory.upsert(tx, {
          communityId,
          code: `C-${communityId.slice(0, 8)}`,
          name: `社区${communityId.slice(0, 4)}`,
          streetCode,
          districtCode,
          asOf: new Date(),
        });
      }
    });
  }

  /** Sets the department's approved budget for 2026 through the API, as its finance officer does. */
  async approveBudget(departmentId: string, approvedFen: number, as: Principal): Promise<void> {
    const budget = await this.api.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
      as,
      body: { approvedFen, reason: '2026 年部门预算' },
    });
    expect(budget.status).toBe(200);
  }

  /** Publishes TaskAdmitted to Kafka as admission would. */
  admit(
    departmentId: string,
    funding: { communityId: string; amountFen: number }[],
    taskId: string = randomUUID(),
    overrides: Partial<TaskAdmittedPayload> = {},
  ): Promise<EventEnvelope<TaskAdmittedPayload>> {
    return this.publish(TaskAdmitted, taskId, {
      taskId,
      submissionId: randomUUID(),
      title: '居民养老保险参保登记',
      departmentId,
      districtCode: '350102',
      recurrence: 'recurring',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      funding,
      totalFen: funding.reduce((sum, line) => sum + line.amountFen, 0),
      admittedAt: new Date().toISOString(),
      ...overrides,
    });
  }

  async transferReaches(taskId: string, state: string, as: Principal) {
    return eventually(async () => {
      const response = await this.api.http.request<{ status: string }>('GET', `/task-fund-transfers/${taskId}`, { as });
      expect(response.body.status).toBe(state);
      return response.body;
    }, 40_000);
  }

  /** Admits a task and has finance approve it, so its money sits in the communities' task accounts. */
  async fundTask(
    departmentId: string,
    funding: { communityId: string; amountFen: number }[],
    financeOfficer: Principal,
  ): Promise<string> {
    const { payload } = await this.admit(departmentId, funding);
    await this.transferReaches(payload.taskId, 'awaiting-decision', financeOfficer);
    const approved = await this.api.http.request('POST', `/task-fund-transfers/${payload.taskId}/actions`, {
      as: financeOfficer,
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);
    await this.transferReaches(payload.taskId, 'disbursed', financeOfficer);
    return payload.taskId;
  }

  /** Waits until finance's consumer has handled an event (its inbox holds the id). */
  async handled(eventId: string): Promise<void> {
    await eventually(async () => {
      const { rows } = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${this.schema}.inbox_message WHERE event_id = $1`,
        [eventId],
      );
      expect(rows[0].n).toBe(1);
    }, 40_000);
  }

  async ledgerTotal(): Promise<number> {
    const { rows } = await this.db.query<{ total: string | null }>(
      `SELECT sum(amount_fen) AS total FROM ${this.schema}.ledger_posting`,
    );
    return Number(rows[0].total ?? 0);
  }
}
