import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { EventPublisher, Roles, ServiceIdentity, TransactionRunner } from '@jianfu/platform';
import { createTestIsolation, principal } from '@jianfu/testing';
import { AdmissionConfig } from '../src/config.js';
import { SubmitSubmissionCommand } from '../src/submissions/commands/submit-submission/submit-submission.command.js';
import { SubmitSubmissionHandler } from '../src/submissions/commands/submit-submission/submit-submission.handler.js';
import { SubmissionsRepository } from '../src/submissions/persistence/submissions.repository.js';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

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
    const published = await admission.http.request('POST', '/catalogue/versions', {
      as: reviewer,
      body: { items: catalogueItems, note: '试点清单' },
    });
    expect(published.status).toBe(201);
  });

  afterAll(async () => {
    await admission?.close();
  });

  it('keeps the submission retryable when Temporal refuses the start, and starts the review once on retry', async () => {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds),
    });
    expect(draft.status).toBe(201);
    const submissionId = draft.body.id;

    const { app } = admission.api;
    const temporal = app.get(Client);
    // The real Temporal server, asked in a namespace it does not have: it refuses every start.
    const refusing = new Client({ connection: temporal.connection, namespace: `missing-${isolation.schema('x')}` });
    const handler = new SubmitSubmissionHandler(
      app.get(TransactionRunner),
      app.get(SubmissionsRepository),
      app.get(EventPublisher),
      refusing,
      app.get(AdmissionConfig),
      app.get(ServiceIdentity),
    );
    await expect(handler.execute(new SubmitSubmissionCommand(submissionId, submitter))).rejects.toBeInstanceOf(
      ServiceUnavailableException,
    );

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
      (body) => body.review?.state === 'street-review',
    );
    expect(review.round).toBe(1);
    expect(await admission.outboxTypes(submissionId)).toEqual(['admission.submission.submitted']);
  });
});
