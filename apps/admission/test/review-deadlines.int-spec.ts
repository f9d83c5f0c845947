import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

/**
 * Working-day deadlines of the review on a time-skipping Temporal server (the API and the worker both use
 * it): a street review nobody takes escalates to the district leader and then lapses; a consultation the
 * communities leave unanswered counts as agreement; an amendment never made lapses as withdrawn.
 */
describe('review deadlines', () => {
  const isolation = createTestIsolation('admission-deadlines');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer');
  const leader = principal([Roles.DistrictLeader], {}, 'district-leader-1');
  let env: TestWorkflowEnvironment;
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];

  beforeAll(async () => {
    const path = process.env.JIANFU_TEST_TEMPORAL_TEST_SERVER;
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    admission = await AdmissionUnderTest.start(isolation, { TEMPORAL_ADDRESS: env.address });
    const seeded = await admission.seedOrganisation('S-DL', 2);
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, { items: catalogueItems });
  });

  afterAll(async () => {
    await admission?.close();
    await env?.teardown();
  });

  async function submit(title: string): Promise<string> {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds, { title }),
    });
    await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as: submitter });
    return draft.body.id;
  }

  async function trail(id: string) {
    const history = await admission.http.request<{
      audit: { stepId: string; action: string; actorId: string; statusAfter: string; occurredAt: string }[];
    }>('GET', `/submissions/${id}/history`, { as: leader });
    return history.body.audit.map((entry) => [entry.stepId, entry.action, entry.actorId, entry.statusAfter]);
  }

  it('escalates an untouched street review to the district leader, then lets it lapse', async () => {
    const id = await submit('逾期审核事项');
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    const result = await env.client.workflow.getHandle(`task-admission-${id}`).result();
    expect(result).toMatchObject({ state: 'expired', round: 1 });
    expect(await trail(id)).toEqual([
      ['street-review-1', 'open', 'system', 'open'],
      ['street-review-1', 'auto-remind', 'system', 'open'],
      ['street-review-1', 'escalate', 'system', 'open'],
      ['street-review-1', 'lapse', 'system', 'expired'],
    ]);
    const submission = await admission.http.request<{ status: string }>('GET', `/submissions/${id}`, { as: submitter });
    expect(submission.body.status).toBe('expired');
    const leaderItems = await admission.http.request<{ items: { subjectId: string; stepId: string }[] }>(
      'GET',
      '/approval-inbox?status=closed',
      { as: leader },
    );
    expect(leaderItems.body.items.map((item) => [item.subjectId, item.stepId])).toContainEqual([id, 'street-review-1']);
    expect(await admission.outboxTypes(id)).toEqual([
      'admission.submission.submitted',
      'admission.submission.rejected',
    ]);
  });

  it('takes unanswered communities as agreeing when the consultation lapses', async () => {
    const id = await submit('默认同意事项');
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    await admission.http.request('POST', `/submissions/${id}/actions`, { as: reviewer, body: { action: 'approve' } });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'consultation');
    await env.client.workflow.getHandle(`task-admission-${id}`).result();
    const steps = await trail(id);
    expect(steps).toContainEqual(['consultation-1', 'lapse', 'system', 'approved']);
    expect(steps).toContainEqual(['committee-1', 'open', 'system', 'open']);
  });

  it('closes a returned submission nobody amends once its amendment deadline lapses', async () => {
    const id = await submit('逾期未修改事项');
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    await admission.http.request('POST', `/submissions/${id}/actions`, {
      as: reviewer,
      body: { action: 'return', reason: '请补充材料' },
    });
    await admission.reviewReaches(id, submitter, (s) => s.status === 'returned');
    const result = await env.client.workflow.getHandle(`task-admission-${id}`).result();
    expect(result).toMatchObject({ state: 'expired' });
    expect(await trail(id)).toContainEqual(['amendment-1', 'lapse', 'system', 'expired']);
    expect(await admission.outboxTypes(id)).toEqual([
      'admission.submission.submitted',
      'admission.submission.returned',
      'admission.submission.withdrawn',
    ]);
  });
});
