import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { chinaDateOf, type Principal, Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import type { TaskAdmissionInput } from '../src/submissions/workflows/task-admission.contract.js';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

/**
 * Admission's `review` policy per district on the real servers: the evaluation cap and the pre-check
 * severities judge each round by the version in force (which the round records), and a review starts with the
 * policy's deadlines and consultation rule in its input, with the version.
 */
describe('review policy', () => {
  const isolation = createTestIsolation('admission-review-policy');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-rp');
  const proposer = principal([Roles.AdmissionCommittee], {}, 'committee-rp-1');
  const approver = principal([Roles.AdmissionCommittee], {}, 'committee-rp-2');
  const today = chinaDateOf(new Date());
  let admission: AdmissionUnderTest;
  let communityIds: string[];
  let submitter: Principal;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-RP', 2);
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'rp-clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '试点清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  async function draftAndSubmit(body: object): Promise<string> {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', { as: submitter, body });
    expect(draft.status).toBe(201);
    expect(
      (await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as: submitter })).status,
    ).toBe(202);
    return draft.body.id;
  }

  async function reviewInput(submissionId: string): Promise<TaskAdmissionInput> {
    const history = await admission.api.app
      .get(Client)
      .workflow.getHandle(`task-admission-${submissionId}`)
      .fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    return JSON.parse(Buffer.from(payload!.data!).toString('utf8')) as TaskAdmissionInput;
  }

  it('judges a round and starts a review by the version in force', async () => {
    const current = await admission.http.request<{ version: number; document: Record<string, unknown> }>(
      'GET',
      '/policies/review',
      { as: proposer },
    );
    expect(current.body).toMatchObject({ version: 1, document: { evaluationCap: 1 } });
    const defaults = current.body.document as { precheckSeverities: Record<string, string> } & Record<string, unknown>;

    // Version 1: the catalogue already holds the district's one evaluation item.
    const first = await draftAndSubmit(
      submissionBody([communityIds[0]], { title: '社区环境卫生排名', evaluation: '月度排名' }),
    );
    const refused = await admission.reviewReaches(first, submitter, (s) => s.status === 'rejected');
    expect(refused.precheck).toMatchObject({ policyVersion: 1 });
    expect(refused.precheck!.findings.map((finding) => finding.code)).toContain('precheck.evaluation-cap');

    const invalid = await admission.http.request<{ code: string; errors: { field: string; rule: string }[] }>(
      'POST',
      '/policies/review/versions',
      {
        as: proposer,
        body: {
          document: {
            ...defaults,
            precheckSeverities: { ...defaults.precheckSeverities, 'funding-required': 'off' },
            streetReview: { workingDays: 0, onLapse: 'escalate' },
          },
          effectiveFrom: today,
          reason: '试',
        },
      },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'precheckSeverities.funding-required', rule: 'severity-not-allowed' },
      { field: 'streetReview.workingDays', rule: 'deadline-1-to-60-working-days' },
    ]);

    const proposed = await admission.http.request<{ version: number }>('POST', '/policies/review/versions', {
      as: proposer,
      body: {
        document: {
          ...defaults,
          evaluationCap: 2,
          streetReview: { workingDays: 7, onLapse: 'escalate' },
          consultation: { rule: 'ratio', ratioPercent: 50 },
        },
        effectiveFrom: today,
        reason: '区委文件: 考核评比事项保留2项',
      },
    });
    expect(proposed.body.version).toBe(2);
    expect(
      (
        await admission.http.request('POST', '/policies/review/versions/2/actions', {
          as: approver,
          body: { kind: 'approve' },
        })
      ).status,
    ).toBe(200);

    const second = await draftAndSubmit(
      submissionBody([communityIds[1]], { title: '社区文明创建评比', evaluation: '年度评比' }),
    );
    const passed = await admission.reviewReaches(second, submitter, (s) => s.review?.status === 'street-review');
    expect(passed.precheck).toMatchObject({ outcome: 'pass', policyVersion: 2 });
    const input = await eventually(() => reviewInput(second));
    expect(input).toMatchObject({
      policyVersion: 2,
      settings: {
        streetReview: { workingDays: 7, onLapse: 'escalate' },
        consultation: { completion: { rule: 'ratio', ratio: 0.5 } },
      },
    });
    // The first review started under version 1 and keeps it.
    expect(await reviewInput(first)).toMatchObject({
      policyVersion: 1,
      settings: { streetReview: { workingDays: 5 } },
    });
  });
});
