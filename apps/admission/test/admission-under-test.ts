import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { BudgetSet, CommunityCreated, DepartmentCreated } from '@jianfu/contracts';
import { ServiceUnavailableException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  EventPublisher,
  PlatformConfig,
  PolicyBook,
  type Principal,
  RequestedWorkflowStartRepository,
  type RequestedWorkflowStart,
  ServiceIdentity,
  type Transaction,
  TransactionRunner,
  WorkflowStarts,
  workflowsPathBeside,
} from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';
import {
  EventFedService,
  eventually,
  serviceEnvironment,
  startServiceWithWorker,
  type ServiceWithWorker,
  type TestIsolation,
} from '@jianfu/testing';
import { createAdmissionWorker } from '../src/admission-worker.js';
import { AdmissionModule } from '../src/app.module.js';
import { AdmissionConfig } from '../src/config.js';
import { SubmitSubmissionCommand } from '../src/submissions/commands/submit-submission/submit-submission.command.js';
import { SubmitSubmissionHandler } from '../src/submissions/commands/submit-submission/submit-submission.handler.js';
import { SubmissionsRepository } from '../src/submissions/persistence/submissions.repository.js';

export const district = '350102';

/** The admission API and worker on the real servers, fed organization and finance events through Kafka. */
export class AdmissionUnderTest extends EventFedService<AdmissionConfig> {
  private constructor(
    isolation: TestIsolation,
    readonly api: ServiceWithWorker<AdmissionConfig>,
  ) {
    super(isolation, 'admission');
  }

  static async start(isolation: TestIsolation, extra: Record<string, string> = {}): Promise<AdmissionUnderTest> {
    const api = await startServiceWithWorker({
      configClass: AdmissionConfig,
      environment: serviceEnvironment(isolation, 'admission', extra),
      module: (config) => AdmissionModule.forApi(config),
      createWorker: createAdmissionWorker,
      workflowsPath: workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    });
    return new AdmissionUnderTest(isolation, api);
  }

  /**
   * A department and communities as organization announces them, and the department's budgets as finance
   * announces them (by default 1,000,000 yuan for 2027); waits until admission knows them all.
   */
  async seedOrganisation(
    streetCode: string,
    communityCount: number,
    budgets: Record<number, number> = { 2027: 100_000_000 },
  ) {
    const departmentId = randomUUID();
    await this.publish(DepartmentCreated, departmentId, {
      departmentId,
      code: `D-${departmentId.slice(0, 6)}`,
      name: '区民政局',
      districtCode: district,
    });
    const communityIds: string[] = [];
    for (let index = 0; index < communityCount; index += 1) {
      const communityId = randomUUID();
      communityIds.push(communityId);
      await this.publish(CommunityCreated, communityId, {
        communityId,
        code: `${streetCode}-C${index + 1}`,
        name: `${streetCode}第${index + 1}社区`,
        streetCode,
        districtCode: district,
      });
    }
    for (const [year, approvedFen] of Object.entries(budgets)) {
      await this.setBudget(departmentId, Number(year), approvedFen, 1);
    }
    await eventually(async () => {
      const { rows } = await this.db.query<{ n: number }>(
        `SELECT (SELECT count(*)::int FROM ${this.schema}.directory_community WHERE community_id = ANY($1::uuid[]))
              + (SELECT count(*)::int FROM ${this.schema}.department WHERE department_id = $2)
              + (SELECT count(*)::int FROM ${this.schema}.department_budget WHERE department_id = $2) AS n`,
        [communityIds, departmentId],
      );
      expect(rows[0].n).toBe(communityCount + 1 + Object.keys(budgets).length);
    }, 40_000);
    return { departmentId, communityIds };
  }

  /** Finance announces a department's budget for a year (`finance.budget.set`). */
  setBudget(departmentId: string, year: number, approvedFen: number, revision: number) {
    return this.publish(BudgetSet, departmentId, {
      departmentId,
      districtCode: district,
      year,
      approvedFen,
      revision,
      setAt: new Date().toISOString(),
    });
  }

  /**
   * Drafts a submission and submits it while Temporal refuses every start (the real server, asked in a
   * namespace it does not have): the submit answers 503. Returns the submission, the accepting client and the
   * refusing workflow starts. Unless `relay` is true, the API's relay is held off this submission's start (its next
   * attempt an hour away), so the test sees the refusal alone; a start named by a caller is still tried at once.
   */
  async submitWhileTemporalRefuses(submitter: Principal, communityIds: string[], { relay = false } = {}) {
    const temporal = this.api.app.get(Client);
    const refusing = new Client({ connection: temporal.connection, namespace: `missing-${this.schema}` });
    const { submissionId, starts, submit } = await this.draftToSubmitThrough(submitter, communityIds, refusing, relay);
    await expect(submit()).rejects.toBeInstanceOf(ServiceUnavailableException);
    return { submissionId, temporal, refusingStarts: starts };
  }

  /** Drafts a submission over HTTP as `submitter` (`submissionBody` with `overrides`); answers its id. */
  async draft(submitter: Principal, communityIds: string[], overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await this.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds, overrides),
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /**
   * Drafts a submission and answers how to submit it with its review started through `temporal` (a client of the
   * test's choosing), the API's relay held off it unless `relay` is true.
   */
  async draftToSubmitThrough(submitter: Principal, communityIds: string[], temporal: Client, relay = false) {
    const submissionId = await this.draft(submitter, communityIds);
    const { app } = this.api;
    const starts = new WorkflowStarts(
      app.get(TransactionRunner),
      relay ? new RequestedWorkflowStartRepository() : new RelayHeldOff(),
      temporal,
      app.get(ServiceIdentity),
      app.get(PlatformConfig),
    );
    const handler = new SubmitSubmissionHandler(
      app.get(TransactionRunner),
      app.get(SubmissionsRepository),
      app.get(EventPublisher),
      starts,
      app.get(PolicyBook),
    );
    return {
      submissionId,
      starts,
      submit: () => handler.execute(new SubmitSubmissionCommand(submissionId, submitter)),
    };
  }

  async outboxTypes(aggregateId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ event_type: string }>(
      `SELECT event_type FROM ${this.schema}.outbox_message WHERE message_key = $1 ORDER BY position`,
      [aggregateId],
    );
    return rows.map((row) => row.event_type);
  }

  async outboxPayload<T>(type: string, aggregateId: string): Promise<T> {
    const { rows } = await this.db.query<{ envelope: { payload: T } }>(
      `SELECT envelope FROM ${this.schema}.outbox_message WHERE event_type = $1 AND message_key = $2`,
      [type, aggregateId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].envelope.payload;
  }

  /** Waits until the review reaches a state, through the API a user would poll. */
  async reviewReaches(submissionId: string, as: Principal, predicate: (body: ReviewView) => boolean) {
    return eventually(async () => {
      const response = await this.http.request<ReviewView>('GET', `/submissions/${submissionId}`, { as });
      expect(response.status).toBe(200);
      expect(predicate(response.body)).toBe(true);
      return response.body;
    }, 40_000);
  }
}

export interface ReviewView {
  id: string;
  status: string;
  round: number;
  budgetYear: number;
  precheck: {
    outcome: string;
    findings: { code: string; severity: string; message: string }[];
    budgetYear?: number;
    budget?: { year: number; approvedFen: number | null; availableFen: number | null; requiredFen: number };
  } | null;
  review: { status: string; round: number; openStepId?: string } | null;
  task: { taskId: string; fundingStatus: string } | null;
  outcomeReason: string | null;
}

export const catalogueItems = [
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
  {
    code: 'DQ-01',
    name: '社区党建工作考评',
    category: '党群服务',
    legalBasis: '《中国共产党支部工作条例（试行）》',
    owningDepartment: '区委组织部',
    fundingStandardFen: 0,
    allowedLedgers: [],
    evaluationAllowed: true,
  },
];

export function submissionBody(communityIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    title: '低保对象季度入户核查',
    description: '每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。',
    catalogueItemCode: 'MZ-01',
    target: { mode: 'communities', communityIds },
    recurrence: 'recurring',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    requiredLedgers: ['低保对象台账'],
    fundingPerCommunityFen: 300000,
    attachments: [{ name: '关于开展低保入户核查的通知.pdf', mediaType: 'application/pdf', sizeBytes: 245760 }],
    ...overrides,
  };
}

/** Requested starts the relay leaves alone for an hour, from the request on and after every refusal. */
class RelayHeldOff extends RequestedWorkflowStartRepository {
  override async request(tx: Transaction, start: RequestedWorkflowStart, graceSeconds: number): Promise<void> {
    await super.request(tx, start, graceSeconds);
    await this.holdOff(tx, start.workflowId);
  }

  override async markFailed(tx: Transaction, workflowId: string, error: string): Promise<void> {
    await super.markFailed(tx, workflowId, error);
    await this.holdOff(tx, workflowId);
  }

  private async holdOff(tx: Transaction, workflowId: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE requested_workflow_start SET next_attempt_at = now() + interval '1 hour' WHERE workflow_id = $1`,
      [workflowId],
    );
  }
}
