import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PolicyBook, Roles, ServiceIdentity, TransactionRunner } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionConfig } from '../src/config.js';
import { SubmissionsRepository } from '../src/submissions/persistence/submissions.repository.js';
import { ReviewStartReconciler } from '../src/submissions/review-start/review-start-reconciler.js';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

/**
 * A submission whose review Temporal refused at submit time is not left waiting for its submitter to submit
 * again: the API's background reconciler starts the review once Temporal accepts, and starting it again
 * (another pass, or a start whose record was lost) leaves the one run alone.
 */
describe('review-start reconciler', () => {
  const isolation = createTestIsolation('admission-review-reconciler');
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation, { ADMISSION_REVIEW_START_RETRY_MS: '1000' });
    let departmentId: string;
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-RR', 1));
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '试点清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  async function reviewStartedAt(submissionId: string): Promise<Date | null> {
    const { rows } = await admission.db.query<{ review_started_at: Date | null }>(
      `SELECT review_started_at FROM ${admission.schema}.submission WHERE id = $1`,
      [submissionId],
    );
    return rows[0].review_started_at;
  }

  it('starts a refused review in the background once Temporal accepts, and only once', async () => {
    const { submissionId, temporal, refusing } = await admission.submitWhileTemporalRefuses(submitter, communityIds);
    const workflowId = `task-admission-${submissionId}`;
    const { app } = admission.api;
    // While Temporal keeps refusing, a pass starts nothing and the submission keeps waiting for its start.
    const refusingReconciler = new ReviewStartReconciler(
      app.get(TransactionRunner),
      app.get(SubmissionsRepository),
      refusing,
      app.get(AdmissionConfig),
      app.get(ServiceIdentity),
      app.get(PolicyBook),
    );
    const refusedPass = await refusingReconciler.runOnce();
    expect(refusedPass.started).toBe(0);

    // Nobody submits again: the API's own reconciler, talking to the accepting namespace, starts the review.
    await eventually(async () => expect(await reviewStartedAt(submissionId)).not.toBeNull(), 20_000);
    const { runId } = await temporal.workflow.getHandle(workflowId).describe();
    const review = await admission.reviewReaches(
      submissionId,
      submitter,
      (body) => body.review?.status === 'street-review',
    );
    expect(review.round).toBe(1);

    // A start whose record was lost is tried again: Temporal keeps the running review and the time is recorded.
    await admission.db.query(`UPDATE ${admission.schema}.submission SET review_started_at = NULL WHERE id = $1`, [
      submissionId,
    ]);
    const reconciler = app.get(ReviewStartReconciler);
    await reconciler.runOnce();
    await eventually(async () => expect(await reviewStartedAt(submissionId)).not.toBeNull());
    expect((await temporal.workflow.getHandle(workflowId).describe()).runId).toBe(runId);
    expect(await admission.outboxTypes(submissionId)).toEqual(['admission.submission.submitted']);
    expect((await reconciler.runOnce()).started).toBe(0);
  });
});
