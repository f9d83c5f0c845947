import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

/**
 * Submitting commits the submission before its review workflow starts: when Temporal refuses the start,
 * the submission is kept as submitted (one round, one SubmissionSubmitted) with no workflow running for it,
 * and submitting again starts the review under the same id, once.
 */
describe('submitting when the review cannot start', () => {
  const isolation = createTestIsolation('admission-review-start');
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    let departmentId: string;
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-RS', 1));
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '试点清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  it('keeps the submission retryable when Temporal refuses the start, and starts the review once on retry', async () => {
    const { submissionId, temporal } = await admission.submitWhileTemporalRefuses(submitter, communityIds);

    const { rows } = await admission.db.query<{ status: string; round: number; rounds: number }>(
      `SELECT status, round, (SELECT count(*)::int FROM ${admission.schema}.submission_round r
         WHERE r.submission_id = s.id) AS rounds FROM ${admission.schema}.submission s WHERE id = $1`,
      [submissionId],
    );
    expect(rows).toEqual([{ status: 'in-review', round: 1, rounds: 1 }]);
    expect(await admission.outboxTypes(submissionId)).toEqual(['admission.submission.submitted']);
    await expect(temporal.workflow.getHandle(`task-admission-${submissionId}`).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );

    const runIds: string[] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const retried = await admission.http.request<{ status: string; workflowId: string }>(
        'POST',
        `/submissions/${submissionId}/submit`,
        { as: submitter },
      );
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ status: 'in-review', workflowId: `task-admission-${submissionId}` });
      runIds.push((await temporal.workflow.getHandle(retried.body.workflowId).describe()).runId);
    }
    expect(runIds[1]).toBe(runIds[0]);
    const review = await admission.reviewReaches(
      submissionId,
      submitter,
      (body) => body.review?.status === 'street-review',
    );
    expect(review.round).toBe(1);
    expect(await admission.outboxTypes(submissionId)).toEqual(['admission.submission.submitted']);
  });
});
