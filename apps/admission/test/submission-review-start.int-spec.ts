import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { actorFromPrincipal, ApprovalActionSender } from '@jianfu/approvals';
import { Roles, WorkflowStarts } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

/** The API's Temporal client, with `before` awaited ahead of each workflow start it makes. */
function clientBeforeEachStart(temporal: Client, before: (workflowId: string) => Promise<void>): Client {
  return new Client({
    connection: temporal.connection,
    namespace: temporal.options.namespace,
    interceptors: {
      workflow: [
        {
          async start(input, next) {
            await before(input.options.workflowId);
            return next(input);
          },
        },
      ],
    },
  });
}

/**
 * Submitting commits the submission and the request to start its review (`WorkflowStarts`) before the workflow
 * starts: when Temporal refuses the start, the submission is kept as submitted (one round, one SubmissionSubmitted)
 * with no workflow running for it; submitting again, or the API's relay on its own, starts the review under the same
 * id, once. Until a start is 10 seconds old the relay leaves it to the submit that requested it. Temporal is called
 * with no transaction open.
 */
describe('submitting when the review cannot start', () => {
  const isolation = createTestIsolation('admission-review-start');
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');
  const streetReviewer = principal([Roles.AdmissionReviewer], { streetCodes: ['S-RS'] }, 'street-reviewer-2');

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

  async function startedAt(workflowId: string): Promise<Date | null> {
    const { rows } = await admission.db.query<{ started_at: Date | null }>(
      `SELECT started_at FROM ${admission.schema}.requested_workflow_start WHERE workflow_id = $1`,
      [workflowId],
    );
    return rows[0].started_at;
  }

  it('starts a refused review in the background once Temporal accepts, and only once', async () => {
    const { submissionId, temporal, refusingStarts } = await admission.submitWhileTemporalRefuses(
      submitter,
      communityIds,
      { relay: true },
    );
    const workflowId = `task-admission-${submissionId}`;
    // While Temporal keeps refusing, a relay pass starts nothing and the start stays requested.
    expect(await refusingStarts.relayOnce()).toBe(0);

    // Nobody submits again: the API's own relay, talking to the accepting namespace, starts the review.
    await eventually(async () => expect(await startedAt(workflowId)).not.toBeNull(), 20_000);
    const { runId } = await temporal.workflow.getHandle(workflowId).describe();
    const review = await admission.reviewReaches(
      submissionId,
      submitter,
      (body) => body.review?.status === 'street-review',
    );
    expect(review.round).toBe(1);

    // A start whose record was lost is made again: Temporal keeps the running review and the start is recorded.
    await admission.db.query(
      `UPDATE ${admission.schema}.requested_workflow_start SET started_at = NULL, next_attempt_at = now()
       WHERE workflow_id = $1`,
      [workflowId],
    );
    const relay = admission.api.app.get(WorkflowStarts);
    await relay.relayOnce();
    await eventually(async () => expect(await startedAt(workflowId)).not.toBeNull());
    expect((await temporal.workflow.getHandle(workflowId).describe()).runId).toBe(runId);
    expect(await admission.outboxTypes(submissionId)).toEqual(['admission.submission.submitted']);
    expect(await relay.relayOnce()).toBe(0);
  });

  it('leaves a start just committed to its caller, and relays it once when the caller has not made it within its grace', async () => {
    // The test's relay passes alone: the API's own relay is stopped meanwhile.
    const relay = admission.api.app.get(WorkflowStarts);
    await relay.onApplicationShutdown();
    const temporal = admission.api.app.get(Client);
    // The submit's own start, after its commit, held in flight: a hung call, or a process about to die.
    let callerStarts!: () => void;
    const callerStarting = new Promise<void>((resolve) => (callerStarts = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = clientBeforeEachStart(temporal, async () => {
      callerStarts();
      await released;
    });
    let submitted: Promise<unknown> = Promise.resolve();
    try {
      const { submissionId, submit } = await admission.draftToSubmitThrough(submitter, communityIds, holding, true);
      const workflowId = `task-admission-${submissionId}`;
      submitted = submit();
      await callerStarting;

      // Committed with its requested start, which is not made yet: a relay pass leaves it to the caller.
      expect(await relay.relayOnce()).toBe(0);
      expect(await startedAt(workflowId)).toBeNull();
      await expect(temporal.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

      // Ten seconds later the caller has still not started it: one relay pass starts it, and marks it started.
      await admission.db.query(
        `UPDATE ${admission.schema}.requested_workflow_start
         SET next_attempt_at = next_attempt_at - interval '10 seconds' WHERE workflow_id = $1`,
        [workflowId],
      );
      expect(await relay.relayOnce()).toBe(1);
      expect(await startedAt(workflowId)).not.toBeNull();
      const { runId } = await temporal.workflow.getHandle(workflowId).describe();
      expect(await relay.relayOnce()).toBe(0);

      // The caller's start, made at last, finds the review running: the same run, and the submit answers.
      release();
      await expect(submitted).resolves.toMatchObject({ status: 'in-review', workflowId });
      expect((await temporal.workflow.getHandle(workflowId).describe()).runId).toBe(runId);
      const review = await admission.reviewReaches(
        submissionId,
        submitter,
        (body) => body.review?.status === 'street-review',
      );
      expect(review.round).toBe(1);
    } finally {
      release();
      await submitted.catch(() => undefined);
      relay.onApplicationBootstrap();
    }
  });

  it('starts a review whose start is still pending when the street reviewer acts, and counts the decision once', async () => {
    // The submission shows in review while its start waits for the relay (held off here for an hour): what a
    // reviewer meets between the commit and the start, or while Temporal refused it.
    const { submissionId, temporal } = await admission.submitWhileTemporalRefuses(submitter, communityIds);
    const workflowId = `task-admission-${submissionId}`;
    await expect(temporal.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    const decide = () =>
      admission.http.request<{ duplicate: boolean }>('POST', `/submissions/${submissionId}/actions`, {
        as: streetReviewer,
        body: { action: 'approve' },
        headers: { 'idempotency-key': 'early-decision' },
      });
    const decided = await decide();
    expect([decided.status, decided.body.duplicate]).toEqual([200, false]);
    expect(await startedAt(workflowId)).not.toBeNull();
    const review = await admission.reviewReaches(
      submissionId,
      submitter,
      (body) => body.review?.status === 'consultation',
    );
    expect(review.round).toBe(1);
    // The request again, as a client whose answer was lost sends it: the same decision, not a second one.
    const again = await decide();
    expect(again.status).toBe(200);
    const { rows } = await admission.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${admission.schema}.approval_audit_entry
        WHERE subject_id = $1 AND action = 'approve' AND actor_id = $2`,
      [submissionId, streetReviewer.userId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('answers an action on a workflow this service never requested as closed', async () => {
    // The sender the service's handlers are given, as the application wires it.
    const action = admission.api.app.get(ApprovalActionSender).send(`task-admission-${randomUUID()}`, {
      kind: 'approve',
      actor: actorFromPrincipal(streetReviewer),
    });
    await expect(action).rejects.toMatchObject({ code: 'approval.closed', status: 409 });
  });

  it('calls Temporal with no transaction open: the requested start is neither locked nor held meanwhile', async () => {
    const temporal = admission.api.app.get(Client);
    // What another relay or request sees while the start call is in flight: the start's row, free to lock.
    const duringCall: string[] = [];
    const watching = clientBeforeEachStart(temporal, async (workflowId) => {
      const probe = await admission.db
        .query(`SELECT 1 FROM ${admission.schema}.requested_workflow_start WHERE workflow_id = $1 FOR UPDATE NOWAIT`, [
          workflowId,
        ])
        .then(
          () => 'free',
          (error: { code?: string; message?: string }) =>
            error.code === '55P03' ? 'locked' : `failed: ${error.message}`,
        );
      duringCall.push(probe);
    });
    const { submissionId, submit } = await admission.draftToSubmitThrough(submitter, communityIds, watching);
    expect(await submit()).toMatchObject({ status: 'in-review', workflowId: `task-admission-${submissionId}` });
    expect(duringCall).toEqual(['free']);
    expect(await startedAt(`task-admission-${submissionId}`)).not.toBeNull();
    await admission.reviewReaches(submissionId, submitter, (body) => body.review?.status === 'street-review');
  });
});
