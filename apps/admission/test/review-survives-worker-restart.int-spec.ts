import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems, type ReviewView, submissionBody } from './admission-under-test.js';

/**
 * A worker killed in the middle of a review loses nothing: decisions sent while no worker runs wait, and
 * the workflow resumes where it was. With RECORD_HISTORIES=1 the finished histories are written to
 * test/histories/ for the replay test, which keeps the workflow code compatible with running reviews.
 */
describe('review across worker restarts', () => {
  const isolation = createTestIsolation('admission-restart');
  // The street's own reviewer and a committee member: the scoped slots of the review.
  const reviewer = principal([Roles.AdmissionReviewer], { streetCodes: ['S-RS'] }, 'street-reviewer');
  const committee = principal([Roles.AdmissionCommittee], {}, 'committee-member');
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-RS', 2);
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, { items: catalogueItems });
  });

  afterAll(async () => {
    await admission?.close();
  });

  const secretary = (index: number) =>
    principal([Roles.CommunitySecretary], { communityIds: [communityIds[index]] }, `secretary-${index}`);

  function act(id: string, as: ReturnType<typeof principal>, body: object) {
    return admission.http.request<{ step: { status: string } }>('POST', `/submissions/${id}/actions`, { as, body });
  }

  function record(name: string, workflowId: string): void {
    if (process.env.RECORD_HISTORIES !== '1') return;
    execFileSync(process.execPath, [new URL('./record-history.ts', import.meta.url).pathname, workflowId, name], {
      env: { ...process.env, TEMPORAL_ADDRESS: admission.environment.TEMPORAL_ADDRESS },
      stdio: 'inherit',
    });
  }

  it('resumes a review after its worker is replaced, with a return and a resubmission on the way', async () => {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds),
    });
    const id = draft.body.id;
    await admission.http.request('POST', `/submissions/${id}/submit`, { as: submitter });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');

    expect((await act(id, reviewer, { action: 'return', reason: '请补充核查标准' })).body.step.status).toBe('returned');
    // The clerk resubmits once the amendment step is open, as the page offers it only then: a worker that dies
    // between recording the return and opening that step would otherwise meet the resubmission with the step not open.
    await admission.reviewReaches(
      id,
      submitter,
      (s) => s.status === 'returned' && s.review?.openStepId === 'amendment-1',
    );

    // The worker dies; the resubmission waits for a new one and then takes effect once.
    await admission.stopWorker();
    const resubmitting = admission.http.request('POST', `/submissions/${id}/resubmission`, { as: submitter, body: {} });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admission.startWorker();
    const resubmitted = await resubmitting;
    expect([resubmitted.status, resubmitted.body]).toEqual([200, expect.anything()]);
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review' && s.round === 2);

    await act(id, reviewer, { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'consultation');
    await act(id, secretary(0), { action: 'approve' });
    await admission.stopWorker();
    // Where the review stands is read from the database, not asked of the workflow: it answers at once with no
    // worker running (a Temporal query would wait for one).
    const whileStopped = await admission.http.request<ReviewView>('GET', `/submissions/${id}`, { as: submitter });
    expect([whileStopped.status, whileStopped.body.review]).toEqual([
      200,
      expect.objectContaining({ status: 'consultation', round: 2, openStepId: 'consultation-2' }),
    ]);
    const second = act(id, secretary(1), { action: 'approve', comment: '同意' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admission.startWorker();
    expect((await second).body.step.status).toBe('approved');
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'committee');
    await act(id, committee, { action: 'approve' });
    const admitted = await admission.reviewReaches(id, submitter, (s) => s.status === 'admitted');
    expect(admitted.round).toBe(2);
    record('admitted-after-resubmission-scoped-slots', `task-admission-${id}`);
  });

  it('records a withdrawal and a pre-check return for replay', async () => {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody([communityIds[0]], { title: '无依据事项', catalogueItemCode: undefined }),
    });
    const id = draft.body.id;
    await admission.http.request('POST', `/submissions/${id}/submit`, { as: submitter });
    await admission.reviewReaches(id, submitter, (s) => s.status === 'returned');
    await act(id, submitter, { action: 'withdraw' });
    await admission.reviewReaches(id, submitter, (s) => s.status === 'withdrawn');
    record('precheck-return-then-withdrawn', `task-admission-${id}`);
  });
});
