import { expect } from '@jest/globals';
import type { Principal } from '@jianfu/platform';
import { eventually, type HttpResult } from '@jianfu/testing';

/** What the chain needs of a service's HTTP client: `TestHttpClient`, or one that retries as a balancer does. */
export interface ServiceClient {
  request<T = unknown>(
    method: string,
    path: string,
    options?: { as?: Principal; body?: unknown; headers?: Record<string, string> },
  ): Promise<HttpResult<T> & { retried?: boolean }>;
}

export interface ReviewView {
  status: string;
  workflowId: string | null;
  precheck: { findings: { code: string; message: string }[] } | null;
  review: { status: string } | null;
  task: { taskId: string; fundingStatus: string } | null;
}

export interface TransferView {
  status: string;
  period: string | null;
  failureCode: string | null;
}

/** The people of the chain: the department's clerk, the street reviewer, the committee, finance, the secretaries. */
export interface ChainPeople {
  submitter: Principal;
  reviewer: Principal;
  committee: Principal;
  financeOfficer: Principal;
  secretary(communityId: string): Principal;
}

/** A recurring pilot-catalogue task (民政 household survey) for the communities, 300,000 fen each, in 2027. */
export function pilotSubmission(title: string, communityIds: string[], overrides: object = {}) {
  return {
    title,
    description: '每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。',
    catalogueItemCode: 'MZ-01',
    target: { mode: 'communities', communityIds },
    recurrence: 'recurring',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    requiredLedgers: ['低保对象台账'],
    fundingPerCommunityFen: 300000,
    attachments: [],
    ...overrides,
  };
}

/**
 * Drives 费随事转 through the running services, step by step: a department drafts and submits a task, the street
 * reviews it, the communities are consulted, the committee admits it; finance's transfer waits for the finance
 * officer, who approves it; the task then reaches each community's list. Each step checks its answer, and each
 * wait waits for the state the step leads to, never for a time.
 */
export class TaskChain {
  constructor(
    private readonly admission: ServiceClient,
    private readonly finance: ServiceClient,
    private readonly people: ChainPeople,
    private readonly timeoutMs = 40_000,
  ) {}

  /**
   * A command's answer: the expected status, or, when the client sent it again after losing the first answer
   * with its connection, 409 for a step the first attempt already took (the waits after each step check the state).
   */
  static expectAnswered(response: HttpResult & { retried?: boolean }, status: number): void {
    if (response.retried && response.status === 409) return;
    expect({ status: response.status, body: response.body }).toEqual({ status, body: response.body });
  }

  async draft(title: string, communityIds: string[], overrides: object = {}): Promise<string> {
    const draft = await this.admission.request<{ id: string }>('POST', '/submissions', {
      as: this.people.submitter,
      body: pilotSubmission(title, communityIds, overrides),
    });
    TaskChain.expectAnswered(draft, 201);
    return draft.body.id;
  }

  async submit(submissionId: string): Promise<void> {
    const submitted = await this.admission.request('POST', `/submissions/${submissionId}/submit`, {
      as: this.people.submitter,
    });
    TaskChain.expectAnswered(submitted, 202);
    await this.reviewReaches(submissionId, (view) => view.review?.status === 'street-review');
  }

  async act(submissionId: string, as: Principal, body: object): Promise<void> {
    const answer = await this.admission.request('POST', `/submissions/${submissionId}/actions`, { as, body });
    TaskChain.expectAnswered(answer, 200);
  }

  async streetReview(submissionId: string): Promise<void> {
    await this.act(submissionId, this.people.reviewer, { action: 'approve' });
    await this.reviewReaches(submissionId, (view) => view.review?.status === 'consultation');
  }

  /** The communities' secretaries answer side by side; the review moves on once all have. */
  async consult(submissionId: string, communityIds: string[], moveOn = true): Promise<void> {
    await Promise.all(
      communityIds.map((communityId) =>
        this.act(submissionId, this.people.secretary(communityId), { action: 'approve', comment: '同意' }),
      ),
    );
    if (moveOn) await this.reviewReaches(submissionId, (view) => view.review?.status === 'committee');
  }

  /** The committee admits the task; returns its id. */
  async admit(submissionId: string): Promise<string> {
    await this.act(submissionId, this.people.committee, { action: 'approve' });
    const admitted = await this.reviewReaches(submissionId, (view) => view.status === 'admitted');
    return admitted.task!.taskId;
  }

  async approveTransfer(taskId: string): Promise<void> {
    const approved = await this.finance.request('POST', `/task-fund-transfers/${taskId}/actions`, {
      as: this.people.financeOfficer,
      body: { action: 'approve' },
    });
    TaskChain.expectAnswered(approved, 200);
  }

  async reviewReaches(submissionId: string, predicate: (view: ReviewView) => boolean): Promise<ReviewView> {
    return eventually(
      async () => {
        const response = await this.admission.request<ReviewView>('GET', `/submissions/${submissionId}`, {
          as: this.people.submitter,
        });
        expect(predicate(response.body)).toBe(true);
        return response.body;
      },
      this.timeoutMs,
      250,
    );
  }

  /** Waits for the task's transfer (its latest instalment, for a task funded per period) to reach the state. */
  async transferReaches(taskId: string, state: string): Promise<TransferView> {
    return eventually(
      async () => {
        const response = await this.finance.request<TransferView>('GET', `/task-fund-transfers/${taskId}`, {
          as: this.people.financeOfficer,
        });
        expect(response.body.status).toBe(state);
        return response.body;
      },
      this.timeoutMs,
      250,
    );
  }

  /** The task ids on a community's list, as its secretary reads it. */
  async tasksOf(communityId: string): Promise<string[]> {
    const response = await this.admission.request<{ items: { taskId: string }[] }>(
      'GET',
      `/communities/${communityId}/tasks?limit=100`,
      { as: this.people.secretary(communityId) },
    );
    expect(response.status).toBe(200);
    return response.body.items.map((item) => item.taskId);
  }
}
