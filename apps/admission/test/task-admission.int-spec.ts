import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  TaskFundingFailed,
  TaskFundsDisbursed,
  type TaskAdmittedPayload,
  type TaskDispatchedPayload,
} from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import { randomUUID } from 'node:crypto';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

/**
 * The admission review on real Postgres, Kafka and Temporal: a department's submission goes through the
 * pre-check, the street review, the parallel consultation of its communities and the committee; a returned
 * submission is amended and resubmitted; the admitted task reaches the communities only once finance
 * reports its funds, and the gate refuses and records everything else.
 */
describe('task admission review', () => {
  const isolation = createTestIsolation('task-admission');
  let admission: AdmissionUnderTest;
  let departmentId: string;
  let communityIds: string[];
  let otherDepartmentId: string;

  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');
  const committee = principal([Roles.AdmissionCommittee], {}, 'committee-1');
  const leader = principal([Roles.DistrictLeader], {}, 'leader-1');
  let submitter: ReturnType<typeof principal>;
  let colleague: ReturnType<typeof principal>;
  const secretary = (index: number) =>
    principal([Roles.CommunitySecretary], { communityIds: [communityIds[index]] }, `secretary-${index}`);

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-GL', 3));
    ({ departmentId: otherDepartmentId } = await admission.seedOrganisation('S-QT', 0));
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
    colleague = principal([Roles.DepartmentSubmitter, Roles.AdmissionReviewer], { departmentId }, 'minzheng-chief');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '试点清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  async function draftAndSubmit(body: object, as = submitter): Promise<string> {
    const draft = await admission.http.request<{ id: string; status: string }>('POST', '/submissions', { as, body });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    const submitted = await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as });
    expect(submitted.status).toBe(202);
    return draft.body.id;
  }

  function act(submissionId: string, as: ReturnType<typeof principal>, body: object, idempotencyKey?: string) {
    return admission.http.request<{ duplicate: boolean; step: { stepId: string; status: string } }>(
      'POST',
      `/submissions/${submissionId}/actions`,
      { as, body, ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}) },
    );
  }

  it('admits a submission through every step, then dispatches it when finance reports the funds', async () => {
    const id = await draftAndSubmit(submissionBody(communityIds.slice(0, 2)));
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');

    // A department user can never decide its own submission, even one holding a reviewer role.
    const own = await act(id, colleague, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'approval.self-decision' });
    // A secretary is not a street reviewer.
    expect((await act(id, secretary(0), { action: 'approve' })).body).toMatchObject({ code: 'approval.wrong-actor' });

    // The step's inbox item is projected once the step has opened (after its calendar is loaded).
    const inbox = await eventually(async () => {
      const response = await admission.http.request<{
        items: { subjectId: string; stepId: string; status: string; stepStatus: string }[];
        offset: number;
        limit: number;
      }>('GET', '/approval-inbox?subjectType=admission-submission&status=open', { as: reviewer });
      expect(response.body.items.map((item) => [item.subjectId, item.stepId])).toContainEqual([id, 'street-review-1']);
      return response;
    });
    expect(inbox.body).toMatchObject({ offset: 0, limit: 50 });
    expect(inbox.body.items.find((item) => item.subjectId === id)).toMatchObject({
      status: 'open',
      stepStatus: 'open',
    });

    const approved = await act(id, reviewer, { action: 'approve', comment: '符合准入条件' }, 'street-approve-1');
    expect(approved.status).toBe(200);
    expect(approved.body.step).toMatchObject({ stepId: 'street-review-1', status: 'approved' });
    // The same request with the same key again: the first answer replayed, no second effect.
    const again = await act(id, reviewer, { action: 'approve', comment: '符合准入条件' }, 'street-approve-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(approved.body);

    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'consultation');
    // The third community was not targeted: its secretary has nothing to answer.
    expect((await act(id, secretary(2), { action: 'approve' })).status).toBe(404);
    await eventually(async () => {
      const secretaryInbox = await admission.http.request<{ items: { subjectId: string }[] }>(
        'GET',
        '/approval-inbox',
        { as: secretary(1) },
      );
      expect(secretaryInbox.body.items.map((item) => item.subjectId)).toContain(id);
    });
    expect((await act(id, secretary(0), { action: 'approve', comment: '同意' })).body.step.status).toBe('open');
    // The same actor acting again has one effect.
    expect((await act(id, secretary(0), { action: 'approve' })).body.duplicate).toBe(true);
    expect((await act(id, secretary(1), { action: 'approve' })).body.step.status).toBe('approved');

    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'committee');
    // The committee's view in one answer: catalogue item and standard, funding against it, every community's opinion.
    const view = await admission.http.request<Record<string, unknown>>('GET', `/submissions/${id}`, { as: committee });
    expect(view.body).toMatchObject({
      precheck: { outcome: 'pass' },
      catalogueItem: { code: 'MZ-01', fundingStandardFen: expect.any(Number) },
      funding: { fundingPerCommunityFen: 300000, meetsStandard: true, communityCount: 2, totalFen: 600000 },
      consultation: {
        round: 1,
        status: 'approved',
        communityCount: 2,
        answered: 2,
        approved: 2,
        rejected: 0,
        opinions: expect.arrayContaining([
          expect.objectContaining({
            communityId: communityIds[0],
            decision: 'approve',
            comment: '同意',
            actorId: 'secretary-0',
          }),
          expect.objectContaining({ communityId: communityIds[1], decision: 'approve', comment: null }),
        ]),
      },
    });
    // The committee is its own role: a reviewer who does not hold it is not a reviewer of this step.
    const plain = await act(id, reviewer, { action: 'approve' });
    expect(plain.status).toBe(403);
    expect(plain.body).toMatchObject({ code: 'approval.wrong-actor' });
    expect((await act(id, committee, { action: 'approve' })).status).toBe(200);

    const admitted = await admission.reviewReaches(id, submitter, (s) => s.status === 'admitted');
    const taskId = admitted.task!.taskId;
    expect(admitted.task).toMatchObject({ fundingStatus: 'awaiting' });
    const payload = await admission.outboxPayload<TaskAdmittedPayload>('admission.task.admitted', taskId);
    expect(payload).toMatchObject({
      submissionId: id,
      departmentId,
      recurrence: 'recurring',
      totalFen: 600000,
      funding: expect.arrayContaining(
        communityIds.slice(0, 2).map((communityId) => ({ communityId, amountFen: 300000 })),
      ),
    });
    expect(await admission.outboxTypes(id)).toEqual(['admission.submission.submitted']);

    // Admitted but not yet funded: the gate refuses, and records it against the department.
    const early = await admission.http.request('POST', '/gate/assignments', {
      as: submitter,
      body: { taskId, communityId: communityIds[0], title: '报送季度核查表' },
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'gate.not-funded' });
    const tasksBefore = await admission.http.request<{ total: number }>(
      'GET',
      `/communities/${communityIds[0]}/tasks`,
      {
        as: secretary(0),
      },
    );
    expect(tasksBefore.body.total).toBe(0);

    await admission.publish(TaskFundsDisbursed, taskId, {
      taskId,
      transferId: randomUUID(),
      departmentId,
      disbursements: payload.funding,
      totalFen: payload.totalFen,
      disbursedAt: new Date().toISOString(),
    });
    const list = await eventually(async () => {
      const response = await admission.http.request<{ items: { taskId: string; status: string; amountFen: number }[] }>(
        'GET',
        `/communities/${communityIds[0]}/tasks`,
        { as: secretary(0) },
      );
      expect(response.body.items.map((item) => item.taskId)).toContain(taskId);
      return response.body;
    }, 40_000);
    expect(list.items[0]).toMatchObject({ status: 'dispatched', amountFen: 300000 });
    expect(await admission.outboxTypes(taskId)).toEqual(['admission.task.admitted', 'admission.task.dispatched']);

    // A community sees only its own list.
    expect(
      (await admission.http.request('GET', `/communities/${communityIds[0]}/tasks`, { as: secretary(1) })).status,
    ).toBe(404);
    const assigned = await admission.http.request('POST', '/gate/assignments', {
      as: submitter,
      body: { taskId, communityId: communityIds[0], title: '报送季度核查表' },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ accepted: true, status: 'dispatched' });
    const done = await admission.http.request('POST', `/communities/${communityIds[0]}/tasks/${taskId}/done`, {
      as: secretary(0),
    });
    expect(done.body).toMatchObject({ status: 'done' });

    const history = await admission.http.request<{ audit: { action: string; actorId: string; stepId: string }[] }>(
      'GET',
      `/submissions/${id}/history`,
      { as: leader },
    );
    expect(
      history.body.audit.filter((entry) => entry.action !== 'open').map((e) => [e.stepId, e.action, e.actorId]),
    ).toEqual([
      ['street-review-1', 'approve', 'street-reviewer-1'],
      ['consultation-1', 'approve', 'secretary-0'],
      ['consultation-1', 'approve', 'secretary-1'],
      ['committee-1', 'approve', 'committee-1'],
    ]);
  });

  it('keeps the street step to the submission’s street(s) and the committee to its members, in the inbox too', async () => {
    const {
      communityIds: [eastCommunity],
    } = await admission.seedOrganisation('S-DB', 1);
    const glReviewer = principal([Roles.AdmissionReviewer], { streetCodes: ['S-GL'] }, 'reviewer-gl');
    const dbReviewer = principal([Roles.AdmissionReviewer], { streetCodes: ['S-DB'] }, 'reviewer-db');
    const eastSecretary = principal([Roles.CommunitySecretary], { communityIds: [eastCommunity] }, 'secretary-db');
    const districtMember = principal([Roles.AdmissionReviewer, Roles.AdmissionCommittee], {}, 'reviewer-and-member');
    const waitingFor = async (as: ReturnType<typeof principal>, subjectId: string) => {
      const inbox = await admission.http.request<{ items: { subjectId: string; stepId: string; slotId: string }[] }>(
        'GET',
        '/approval-inbox?subjectType=admission-submission&limit=200',
        { as },
      );
      expect(inbox.status).toBe(200);
      return inbox.body.items.filter((item) => item.subjectId === subjectId).map((item) => item.slotId);
    };

    // All its communities lie in 鼓楼 (S-GL): that street's reviewer holds the step, another street's does not.
    const single = await draftAndSubmit(submissionBody([communityIds[0], communityIds[1]], { title: '鼓楼街道事项' }));
    await admission.reviewReaches(single, submitter, (s) => s.review?.status === 'street-review');
    const outside = await act(single, dbReviewer, { action: 'approve' });
    expect(outside.status).toBe(403);
    expect(outside.headers.get('content-type')).toContain('application/problem+json');
    expect(outside.body).toMatchObject({
      code: 'approval.out-of-scope',
      detail: expect.stringContaining('a reviewer of street S-GL'),
    });
    expect(await waitingFor(dbReviewer, single)).toEqual([]);
    expect(await waitingFor(glReviewer, single)).toEqual(['street']);
    expect(await waitingFor(reviewer, single)).toEqual(['civil-affairs']);
    const decided = await act(single, glReviewer, { action: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.body.step).toMatchObject({ stepId: 'street-review-1', status: 'approved' });
    expect(await waitingFor(glReviewer, single)).toEqual([]);

    await admission.reviewReaches(single, submitter, (s) => s.review?.status === 'consultation');
    await act(single, secretary(0), { action: 'approve' });
    await act(single, secretary(1), { action: 'approve' });
    await admission.reviewReaches(single, submitter, (s) => s.review?.status === 'committee');
    // The committee: a reviewer without the committee role is refused and sees nothing; a member decides.
    expect((await act(single, glReviewer, { action: 'approve' })).body).toMatchObject({ code: 'approval.wrong-actor' });
    // The committee's item is projected once its step opened (after its calendar loaded), a moment after the state.
    await eventually(async () => expect(await waitingFor(committee, single)).toEqual(['committee']));
    expect(await waitingFor(reviewer, single)).toEqual([]);
    expect((await act(single, committee, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(single, submitter, (s) => s.status === 'admitted');

    // Across two streets no single street decides: only a district-wide reviewer holds the step.
    const spanning = await draftAndSubmit(submissionBody([communityIds[2], eastCommunity], { title: '跨街道事项' }));
    await admission.reviewReaches(spanning, submitter, (s) => s.review?.status === 'street-review');
    expect((await act(spanning, glReviewer, { action: 'approve' })).body).toMatchObject({
      code: 'approval.out-of-scope',
    });
    // As the committee's, the street step's item is projected a moment after the review's state says so.
    await eventually(async () => expect(await waitingFor(districtMember, spanning)).toEqual(['civil-affairs']));
    expect(await waitingFor(glReviewer, spanning)).toEqual([]);
    expect(await waitingFor(dbReviewer, spanning)).toEqual([]);
    expect((await act(spanning, districtMember, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(spanning, submitter, (s) => s.review?.status === 'consultation');
    await act(spanning, secretary(2), { action: 'approve' });
    await act(spanning, eastSecretary, { action: 'approve' });
    await admission.reviewReaches(spanning, submitter, (s) => s.review?.status === 'committee');
    // Holding both roles does not let the street reviewer of the round decide as the committee too.
    expect((await act(spanning, districtMember, { action: 'approve' })).body).toMatchObject({
      code: 'approval.wrong-actor',
    });
    expect((await act(spanning, committee, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(spanning, submitter, (s) => s.status === 'admitted');
  });

  it('answers one target field: what was asked, and the communities it resolved to at the pre-check', async () => {
    const draft = await admission.http.request<Record<string, unknown>>('POST', '/submissions', {
      as: submitter,
      body: submissionBody([], { title: '整街道事项', target: { mode: 'street', streetCode: 'S-GL' } }),
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ target: { mode: 'street', streetCode: 'S-GL' }, resolvedCommunityIds: null });
    expect(draft.body).not.toHaveProperty('targetCommunityIds');
    const id = draft.body.id as string;
    expect((await admission.http.request('POST', `/submissions/${id}/submit`, { as: submitter })).status).toBe(202);
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    const read = await admission.http.request<Record<string, unknown>>('GET', `/submissions/${id}`, { as: submitter });
    expect(read.body.target).toEqual({ mode: 'street', streetCode: 'S-GL' });
    expect([...(read.body.resolvedCommunityIds as string[])].sort()).toEqual([...communityIds].sort());
    expect(read.body).not.toHaveProperty('targetCommunityIds');
    const listed = await admission.http.request<{ items: Record<string, unknown>[] }>('GET', '/submissions', {
      as: submitter,
    });
    const item = listed.body.items.find((entry) => entry.id === id)!;
    expect(item).toMatchObject({ target: { mode: 'street', streetCode: 'S-GL' } });
    expect(item).not.toHaveProperty('targetCommunityIds');
    expect((await act(id, submitter, { action: 'withdraw' })).status).toBe(200);
  });

  it('returns a submission for amendment and admits the resubmitted round, keeping every round', async () => {
    const id = await draftAndSubmit(submissionBody([communityIds[2]], { title: '低保对象年度复核' }));
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    const withoutReason = await act(id, reviewer, { action: 'return' });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({ code: 'approval.reason-required' });
    expect((await act(id, reviewer, { action: 'return', reason: '请补充核查表样式' })).body.step.status).toBe(
      'returned',
    );
    const returned = await admission.reviewReaches(id, submitter, (s) => s.status === 'returned');
    expect(returned.outcomeReason).toBe('请补充核查表样式');
    // The amendment now waits for the submitter, in the submitter's own inbox. The workflow records the
    // return before it opens the amendment step, so the item appears a moment after the status.
    await eventually(async () => {
      const waiting = await admission.http.request<{ items: { subjectId: string; stepId: string }[] }>(
        'GET',
        '/approval-inbox',
        { as: submitter },
      );
      expect(waiting.body.items.map((item) => [item.subjectId, item.stepId])).toContainEqual([id, 'amendment-1']);
    });

    // The department amends the content, then resubmits it.
    const amended = await admission.http.request('PUT', `/submissions/${id}`, {
      as: submitter,
      body: submissionBody([communityIds[2]], {
        title: '低保对象年度复核',
        attachments: [{ name: '核查表样式.xlsx', mediaType: 'application/vnd.ms-excel', sizeBytes: 10240 }],
      }),
    });
    expect(amended.status).toBe(200);
    // Only the submitting department resubmits.
    expect(
      (
        await admission.http.request('POST', `/submissions/${id}/resubmission`, {
          as: principal([Roles.DepartmentSubmitter], { departmentId: otherDepartmentId }),
          body: {},
        })
      ).status,
    ).toBe(404);
    const resubmitted = await admission.http.request('POST', `/submissions/${id}/resubmission`, {
      as: submitter,
      body: { comment: '已补充核查表样式' },
    });
    expect(resubmitted.status).toBe(200);
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review' && s.round === 2);

    await act(id, reviewer, { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'consultation');
    await act(id, secretary(2), { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'committee');
    await act(id, committee, { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.status === 'admitted');

    const history = await admission.http.request<{
      rounds: { round: number; outcome: string; content: { attachments: unknown[] } }[];
    }>('GET', `/submissions/${id}/history`, { as: submitter });
    expect(history.body.rounds.map((r) => [r.round, r.outcome, r.content.attachments.length])).toEqual([
      [1, 'returned', 1],
      [2, 'admitted', 1],
    ]);
    expect(await admission.outboxTypes(id)).toEqual([
      'admission.submission.submitted',
      'admission.submission.returned',
      'admission.submission.resubmitted',
    ]);
  });

  it('lets the submitter withdraw before the decision, and a reviewer reject with a reason', async () => {
    const withdrawn = await draftAndSubmit(submissionBody([communityIds[0]], { title: '撤回测试事项' }));
    await admission.reviewReaches(withdrawn, submitter, (s) => s.review?.status === 'street-review');
    await act(withdrawn, submitter, { action: 'remind' });
    expect((await act(withdrawn, reviewer, { action: 'withdraw' })).status).toBe(403);
    expect((await act(withdrawn, submitter, { action: 'withdraw' })).status).toBe(200);
    await admission.reviewReaches(withdrawn, submitter, (s) => s.status === 'withdrawn');
    expect((await act(withdrawn, reviewer, { action: 'approve' })).status).toBe(409);

    const rejected = await draftAndSubmit(submissionBody([communityIds[0]], { title: '驳回测试事项' }));
    await admission.reviewReaches(rejected, submitter, (s) => s.review?.status === 'street-review');
    // Transfer to another reviewer, who then rejects it.
    await act(rejected, reviewer, { action: 'transfer', targetUserId: 'street-reviewer-2' });
    const other = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-2');
    // The new holder copies the district leader in and adds a colleague as a second reviewer.
    expect((await act(rejected, other, { action: 'copy', targetUserId: 'leader-1' })).status).toBe(200);
    expect(
      (
        await act(rejected, other, {
          action: 'add-reviewer',
          targetUserId: 'legal-adviser',
          targetRole: Roles.AdmissionReviewer,
        })
      ).status,
    ).toBe(200);
    const copied = await admission.http.request<{ items: { subjectId: string; kind: string }[] }>(
      'GET',
      '/approval-inbox?kind=copy',
      { as: leader },
    );
    expect(copied.body.items).toContainEqual(expect.objectContaining({ subjectId: rejected, kind: 'copy' }));
    const adviserInbox = await admission.http.request<{ items: { subjectId: string }[] }>('GET', '/approval-inbox', {
      as: principal([Roles.AdmissionReviewer], {}, 'legal-adviser'),
    });
    expect(adviserInbox.body.items.map((item) => item.subjectId)).toContain(rejected);
    // 待办 of the added reviewer: who sent it, the working days left, found by part of the title.
    type Item = { subjectId: string; workflowId: string; title: string; stepName: string; sentBy: string };
    const adviserTodo = await admission.http.request<{ items: (Item & Record<string, unknown>)[] }>(
      'GET',
      `/approval-inbox?view=todo&q=${encodeURIComponent('驳回测试')}`,
      { as: principal([Roles.AdmissionReviewer], {}, 'legal-adviser') },
    );
    expect(adviserTodo.status).toBe(200);
    const todo = adviserTodo.body.items.find((item) => item.subjectId === rejected)!;
    expect(todo).toMatchObject({
      title: '驳回测试事项',
      stepId: 'street-review-1',
      kind: 'review',
      sentBy: 'street-reviewer-2',
      submitterId: submitter.userId,
      overdue: false,
      decidedBy: null,
    });
    expect(todo.workingDaysLeft).toEqual(expect.any(Number));
    expect(todo.workingDaysLeft as number).toBeGreaterThan(0);
    const noMatch = await admission.http.request<{ total: number }>('GET', '/approval-inbox?view=todo&q=100%25_x', {
      as: principal([Roles.AdmissionReviewer], {}, 'legal-adviser'),
    });
    expect(noMatch.body.total).toBe(0);
    expect((await act(rejected, other, { action: 'reject', reason: '不属于社区职责' })).body.step.status).toBe(
      'rejected',
    );
    await admission.reviewReaches(rejected, submitter, (s) => s.status === 'rejected');
    // 已办: the slot the new holder decided, sent by the reviewer who handed it over.
    const done = await admission.http.request<{ items: Record<string, unknown>[] }>(
      'GET',
      '/approval-inbox?view=done',
      { as: other },
    );
    expect(done.body.items).toContainEqual(
      expect.objectContaining({
        subjectId: rejected,
        decidedBy: 'street-reviewer-2',
        decision: 'reject',
        sentBy: 'street-reviewer-1',
        status: 'done',
        workingDaysLeft: null,
      }),
    );
    // 抄送: still listed after the step closed, sent by the one who copied.
    const cc = await admission.http.request<{ items: Record<string, unknown>[] }>('GET', '/approval-inbox?view=cc', {
      as: leader,
    });
    expect(cc.body.items).toContainEqual(
      expect.objectContaining({ subjectId: rejected, kind: 'copy', sentBy: 'street-reviewer-2', status: 'closed' }),
    );
    // The submitter decided nothing and was copied nothing.
    const submitterDone = await admission.http.request<{ items: { subjectId: string }[] }>(
      'GET',
      '/approval-inbox?view=done',
      { as: submitter },
    );
    expect(submitterDone.body.items.map((item) => item.subjectId)).not.toContain(rejected);
    // Notifications: the hand-over, the copy and the added reviewer were published, then the rejection.
    const stepEvents = await admission.outboxTypes(todo.workflowId);
    expect(stepEvents).toEqual([
      'admission.approval.step-opened',
      'admission.approval.step-assigned',
      'admission.approval.step-assigned',
      'admission.approval.step-assigned',
      'admission.approval.step-decided',
    ]);
    // Repeating the rejection after the review closed: the same decision, no second effect.
    const repeat = await act(rejected, other, { action: 'reject', reason: '不属于社区职责' });
    expect(repeat.status).toBe(200);
    expect(repeat.body.duplicate).toBe(true);
    expect(await admission.outboxTypes(rejected)).toEqual([
      'admission.submission.submitted',
      'admission.submission.rejected',
    ]);
  });

  it('previews the pre-check of a draft by the same rules, saving nothing', async () => {
    const count = async () =>
      (await admission.http.request<{ total: number }>('GET', '/submissions', { as: submitter })).body.total;
    const before = await count();
    const preview = (body: object) =>
      admission.http.request<{
        outcome: string;
        findings: { code: string }[];
        resolvedCommunityIds: string[];
        unknownCommunityIds: string[];
        budget?: { requiredFen: number };
      }>('POST', '/submissions/pre-check-preview', { as: submitter, body });

    const unknown = randomUUID();
    const lacking = await preview(
      submissionBody([communityIds[0], unknown], {
        title: '预审预览事项',
        legalBasis: undefined,
        catalogueItemCode: undefined,
      }),
    );
    expect(lacking.status).toBe(200);
    expect(lacking.body.outcome).toBe('return');
    expect(lacking.body.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['precheck.legal-basis-missing', 'precheck.unknown-communities']),
    );
    expect(lacking.body).toMatchObject({ resolvedCommunityIds: [communityIds[0]], unknownCommunityIds: [unknown] });

    // The same content submitted gets the same judgement from the review's own pre-check.
    const body = submissionBody([communityIds[0]], { title: '预审预览一致性事项', fundingPerCommunityFen: 100000 });
    const previewed = await preview(body);
    expect(previewed.body.outcome).toBe('return');
    expect(await count()).toBe(before);
    const id = await draftAndSubmit(body);
    const returned = await admission.reviewReaches(id, submitter, (s) => s.status === 'returned');
    expect(returned.precheck!.findings.map((f) => f.code)).toEqual(previewed.body.findings.map((f) => f.code));

    // Bad input is refused as a draft would be; only department users preview.
    const backwards = await preview(submissionBody([communityIds[0]], { periodEnd: '2026-01-01' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ errors: [expect.objectContaining({ field: 'periodEnd' })] });
    const reviewerPreview = await admission.http.request('POST', '/submissions/pre-check-preview', {
      as: reviewer,
      body,
    });
    expect(reviewerPreview.status).toBe(403);
  });

  it('applies the pre-check rules with their reason codes', async () => {
    const noBasis = await draftAndSubmit(
      submissionBody([communityIds[0]], { title: '无依据事项', catalogueItemCode: undefined, legalBasis: undefined }),
    );
    const returned = await admission.reviewReaches(noBasis, submitter, (s) => s.status === 'returned');
    expect(returned.precheck!.findings.map((f) => f.code)).toContain('precheck.legal-basis-missing');

    const underFunded = await draftAndSubmit(
      submissionBody([communityIds[0]], { title: '经费不足事项', fundingPerCommunityFen: 100000 }),
    );
    const low = await admission.reviewReaches(underFunded, submitter, (s) => s.status === 'returned');
    expect(low.precheck!.findings.map((f) => f.code)).toContain('precheck.funding-below-standard');

    // The catalogue already holds the district's one evaluation item (the cap is 1).
    const ranking = await draftAndSubmit(
      submissionBody([communityIds[0]], { title: '社区环境卫生排名', evaluation: '月度排名通报' }),
    );
    const refused = await admission.reviewReaches(ranking, submitter, (s) => s.status === 'rejected');
    expect(refused.precheck!.findings.map((f) => f.code)).toContain('precheck.evaluation-cap');

    const unknown = await draftAndSubmit(submissionBody([randomUUID()], { title: '未知社区事项' }));
    const notFound = await admission.reviewReaches(unknown, submitter, (s) => s.status === 'returned');
    expect(notFound.precheck!.findings.map((f) => f.code)).toContain('precheck.unknown-communities');

    // A repeat of an admitted item is flagged for the reviewers, not stopped.
    const duplicate = await draftAndSubmit(submissionBody([communityIds[1]]));
    const flagged = await admission.reviewReaches(duplicate, submitter, (s) => s.review?.status === 'street-review');
    expect(flagged.precheck).toMatchObject({
      outcome: 'pass',
      findings: [expect.objectContaining({ code: 'precheck.duplicate', severity: 'flag' })],
    });
    const events = await admission.outboxTypes(ranking);
    expect(events).toEqual(['admission.submission.submitted', 'admission.submission.rejected']);
  });

  it('refuses assignments the gate does not allow and records each as a violation', async () => {
    const unadmitted = await admission.http.request('POST', '/gate/assignments', {
      as: submitter,
      body: { communityId: communityIds[1], title: '临时报送消防检查台账' },
    });
    expect(unadmitted.status).toBe(422);
    expect(unadmitted.body).toMatchObject({ code: 'gate.not-admitted' });

    const refused = await admission.http.request<{ violationId: string }>(
      'POST',
      `/communities/${communityIds[1]}/refusals`,
      { as: secretary(1), body: { departmentId: otherDepartmentId, title: '要求填报商铺台账', reason: '未经准入' } },
    );
    expect(refused.status).toBe(201);
    // A secretary refuses only for its own community.
    expect(
      (
        await admission.http.request('POST', `/communities/${communityIds[0]}/refusals`, {
          as: secretary(1),
          body: { departmentId: otherDepartmentId, title: 'x' },
        })
      ).status,
    ).toBe(404);

    const violations = await admission.http.request<{
      items: { departmentId: string; violations: number }[];
      total: number;
    }>('GET', '/reports/department-violations', { as: leader });
    expect(violations.body.total).toBe(violations.body.items.length);
    expect(violations.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentId, violations: 2 }),
        expect.objectContaining({ departmentId: otherDepartmentId, violations: 1 }),
      ]),
    );
    const { rows } = await admission.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${admission.schema}.outbox_message WHERE event_type = 'admission.violation.recorded'`,
    );
    expect(rows[0].n).toBe(3);
    const own = await admission.http.request<{ total: number }>('GET', '/violations', { as: submitter });
    expect(own.body.total).toBe(2);
  });

  it('keeps a task off the communities when finance reports the funding failed', async () => {
    const id = await draftAndSubmit(
      submissionBody([communityIds[2]], {
        title: '经费失败事项',
        catalogueItemCode: undefined,
        legalBasis: '区政府文件',
      }),
    );
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    await act(id, reviewer, { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'consultation');
    await act(id, secretary(2), { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'committee');
    await act(id, committee, { action: 'approve' });
    const admitted = await admission.reviewReaches(id, submitter, (s) => s.status === 'admitted');
    const taskId = admitted.task!.taskId;
    await admission.publish(TaskFundingFailed, taskId, {
      taskId,
      transferId: randomUUID(),
      departmentId,
      code: 'budget.insufficient',
      reason: '部门预算不足',
      failedAt: new Date().toISOString(),
    });
    await admission.reviewReaches(id, submitter, (s) => s.task?.fundingStatus === 'failed');
    const tasks = await admission.http.request<{ items: { taskId: string }[] }>(
      'GET',
      `/communities/${communityIds[2]}/tasks`,
      { as: secretary(2) },
    );
    expect(tasks.body.items.map((item) => item.taskId)).not.toContain(taskId);
  });

  /** Takes a submission in review through street review, consultation and committee to admission. */
  async function reviewToAdmission(id: string, communityIndexes: number[]) {
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    expect((await act(id, reviewer, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'consultation');
    for (const index of communityIndexes)
      expect((await act(id, secretary(index), { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'committee');
    expect((await act(id, committee, { action: 'approve' })).status).toBe(200);
    return admission.reviewReaches(id, submitter, (s) => s.status === 'admitted');
  }

  it('admits work without money only as declared one-off work, dispatched at admission with no transfer', async () => {
    // Declaring money-less work unfunded while offering money contradicts itself.
    const contradictory = await admission.http.request('POST', '/submissions', {
      as: submitter,
      body: submissionBody([communityIds[0]], { title: '矛盾申报', recurrence: 'one-off', unfunded: true }),
    });
    expect(contradictory.status).toBe(400);
    expect(contradictory.body).toMatchObject({
      errors: [expect.objectContaining({ field: 'unfunded' })],
    });

    const oneOff = {
      recurrence: 'one-off',
      catalogueItemCode: undefined,
      legalBasis: '区政府办公室通知',
      requiredLedgers: [],
    };
    const undeclared = await draftAndSubmit(
      submissionBody([communityIds[0]], { ...oneOff, title: '无经费未声明事项', fundingPerCommunityFen: 0 }),
    );
    const returned = await admission.reviewReaches(undeclared, submitter, (s) => s.status === 'returned');
    expect(returned.precheck!.findings.map((f) => f.code)).toEqual(['precheck.funding-undeclared']);

    // Recurring work on a catalogue item without a funding standard can never be paid for: refused.
    const zeroStandard = await draftAndSubmit(
      submissionBody([communityIds[0]], {
        title: '党建常态化工作',
        catalogueItemCode: 'DQ-01',
        requiredLedgers: [],
        fundingPerCommunityFen: 100000,
      }),
    );
    const refused = await admission.reviewReaches(zeroStandard, submitter, (s) => s.status === 'returned');
    expect(refused.precheck!.findings.map((f) => f.code)).toContain('precheck.catalogue-standard-zero');

    const declared = await draftAndSubmit(
      submissionBody([communityIds[1], communityIds[2]], {
        ...oneOff,
        title: '一次性消防安全宣传',
        fundingPerCommunityFen: 0,
        unfunded: true,
      }),
    );
    const admitted = await reviewToAdmission(declared, [1, 2]);
    const taskId = admitted.task!.taskId;
    expect(admitted.task).toMatchObject({ fundingStatus: 'not-required' });
    // On both communities' lists at once: no money was promised, so none has to arrive.
    for (const index of [1, 2]) {
      const list = await admission.http.request<{ items: { taskId: string; status: string; amountFen: number }[] }>(
        'GET',
        `/communities/${communityIds[index]}/tasks`,
        { as: secretary(index) },
      );
      expect(list.body.items).toContainEqual(expect.objectContaining({ taskId, status: 'dispatched', amountFen: 0 }));
    }
    expect(await admission.outboxTypes(taskId)).toEqual(['admission.task.admitted', 'admission.task.dispatched']);
    expect(await admission.outboxPayload<TaskAdmittedPayload>('admission.task.admitted', taskId)).toMatchObject({
      fundingMode: 'none',
      totalFen: 0,
      recurrence: 'one-off',
    });
    expect(
      (await admission.outboxPayload<TaskDispatchedPayload>('admission.task.dispatched', taskId)).communityIds,
    ).toEqual([communityIds[1], communityIds[2]].sort());
    // The gate treats it as funded by rule.
    const assigned = await admission.http.request('POST', '/gate/assignments', {
      as: submitter,
      body: { taskId, communityId: communityIds[1], title: '发放消防宣传材料' },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ accepted: true, status: 'dispatched' });
  });

  it('checks the budget year a submission names against finance’s budgets before review starts', async () => {
    const seeded = await admission.seedOrganisation('S-YS', 0, { 2027: 500_000 });
    const clerk = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'yusuan-clerk');
    const targets = [communityIds[0], communityIds[1]];
    const body = submissionBody(targets, { title: '预算年度测试事项' });

    // The budget year defaults to the year the period starts; two communities need 600,000 of 500,000.
    const short = await draftAndSubmit(body, clerk);
    const returned = await admission.reviewReaches(short, clerk, (s) => s.status === 'returned');
    expect(returned.budgetYear).toBe(2027);
    expect(returned.precheck).toMatchObject({
      outcome: 'return',
      budgetYear: 2027,
      budget: { year: 2027, approvedFen: 500_000, availableFen: 500_000, requiredFen: 600_000 },
      findings: [expect.objectContaining({ code: 'precheck.budget-insufficient' })],
    });

    const nextYear = await draftAndSubmit({ ...body, title: '跨年度预算事项', budgetYear: 2028 }, clerk);
    const missing = await admission.reviewReaches(nextYear, clerk, (s) => s.status === 'returned');
    expect(missing.budgetYear).toBe(2028);
    expect(missing.precheck!.findings).toEqual([
      expect.objectContaining({ code: 'precheck.budget-missing', message: expect.stringContaining('2028') }),
    ]);

    // Finance raises the budget; a late copy of the old figure does not roll it back.
    await admission.setBudget(seeded.departmentId, 2027, 1_000_000, 2);
    const stale = await admission.setBudget(seeded.departmentId, 2027, 500_000, 1);
    await eventually(async () => {
      const { rows } = await admission.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${admission.schema}.inbox_message WHERE event_id = $1`,
        [stale.id],
      );
      expect(rows[0].n).toBe(1);
    }, 40_000);
    const raised = await admission.http.request('GET', `/departments/${seeded.departmentId}/budgets/2027`, {
      as: clerk,
    });
    expect(raised.body).toMatchObject({ approvedFen: 1_000_000, committedFen: 0, availableFen: 1_000_000 });
    // Another department's clerk does not see it.
    const elsewhere = await admission.http.request('GET', `/departments/${seeded.departmentId}/budgets/2027`, {
      as: submitter,
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ code: 'budget.not-found' });
    // A year outside the budget years is refused naming the parameter.
    const badYear = await admission.http.request('GET', `/departments/${seeded.departmentId}/budgets/1999`, {
      as: clerk,
    });
    expect(badYear.status).toBe(400);
    expect(badYear.body).toMatchObject({
      code: 'request.invalid',
      errors: [expect.objectContaining({ field: 'year' })],
    });

    expect((await admission.http.request('PUT', `/submissions/${short}`, { as: clerk, body })).status).toBe(200);
    expect(
      (await admission.http.request('POST', `/submissions/${short}/resubmission`, { as: clerk, body: {} })).status,
    ).toBe(200);
    await admission.reviewReaches(short, clerk, (s) => s.review?.status === 'street-review' && s.round === 2);
    expect((await act(short, reviewer, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(short, clerk, (s) => s.review?.status === 'consultation');
    for (const index of [0, 1]) expect((await act(short, secretary(index), { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(short, clerk, (s) => s.review?.status === 'committee');
    expect((await act(short, committee, { action: 'approve' })).status).toBe(200);
    const admitted = await admission.reviewReaches(short, clerk, (s) => s.status === 'admitted');
    expect(
      await admission.outboxPayload<TaskAdmittedPayload>('admission.task.admitted', admitted.task!.taskId),
    ).toMatchObject({ budgetYear: 2027, fundingMode: 'transfer', totalFen: 600_000 });
    const committed = await admission.http.request('GET', `/departments/${seeded.departmentId}/budgets/2027`, {
      as: clerk,
    });
    expect(committed.body).toMatchObject({ committedFen: 600_000, availableFen: 400_000 });
  });

  it('funds recurring work per period: suspended while an instalment fails, and cancelled off every list', async () => {
    // One-off work is funded once; only recurring work names a funding period.
    const oneOffPerPeriod = await admission.http.request('POST', '/submissions', {
      as: submitter,
      body: submissionBody([communityIds[0]], {
        title: '一次性按月事项',
        recurrence: 'one-off',
        fundingPeriod: 'month',
      }),
    });
    expect(oneOffPerPeriod.status).toBe(400);
    expect(oneOffPerPeriod.body).toMatchObject({ errors: [expect.objectContaining({ field: 'fundingPeriod' })] });

    const id = await draftAndSubmit(
      submissionBody([communityIds[1]], {
        title: '低保对象按季入户核查',
        periodStart: '2027-04-01',
        periodEnd: '2028-03-31',
        fundingPeriod: 'quarter',
      }),
    );
    const admitted = await reviewToAdmission(id, [1]);
    const taskId = admitted.task!.taskId;
    const payload = await admission.outboxPayload<TaskAdmittedPayload>('admission.task.admitted', taskId);
    expect(payload).toMatchObject({ fundingPeriod: 'quarter', totalFen: 300000, fundingMode: 'transfer' });
    const taskList = async () => {
      const response = await admission.http.request<{ items: { taskId: string }[] }>(
        'GET',
        `/communities/${communityIds[1]}/tasks`,
        { as: secretary(1) },
      );
      return response.body.items.map((item) => item.taskId);
    };
    const finance = (period: string, outcome: 'paid' | 'failed') =>
      outcome === 'paid'
        ? admission.publish(TaskFundsDisbursed, taskId, {
            taskId,
            transferId: randomUUID(),
            departmentId,
            disbursements: [{ communityId: communityIds[1], amountFen: 75000 }],
            totalFen: 75000,
            disbursedAt: new Date().toISOString(),
            period,
          })
        : admission.publish(TaskFundingFailed, taskId, {
            taskId,
            transferId: randomUUID(),
            departmentId,
            code: 'transfer.rejected',
            reason: '本季度台账未报送',
            failedAt: new Date().toISOString(),
            period,
          });

    await finance('2027-Q2', 'paid');
    await admission.reviewReaches(id, submitter, (s) => s.task?.fundingStatus === 'funded');
    expect(await taskList()).toContain(taskId);
    // The third quarter's money does not arrive: the task leaves the list until a later quarter is paid.
    await finance('2027-Q3', 'failed');
    await admission.reviewReaches(id, submitter, (s) => s.task?.fundingStatus === 'suspended');
    expect(await taskList()).not.toContain(taskId);
    const suspended = await admission.http.request('POST', '/gate/assignments', {
      as: submitter,
      body: { taskId, communityId: communityIds[1], title: '报送三季度核查表' },
    });
    expect(suspended.body).toMatchObject({ code: 'gate.not-funded' });
    await finance('2027-Q4', 'paid');
    await admission.reviewReaches(id, submitter, (s) => s.task?.fundingStatus === 'funded');
    expect(await taskList()).toContain(taskId);
    // Dispatched once: resuming is not a second dispatch.
    expect(await admission.outboxTypes(taskId)).toEqual(['admission.task.admitted', 'admission.task.dispatched']);

    const committed = async () =>
      (
        await admission.http.request<{ committedFen: number }>('GET', `/departments/${departmentId}/budgets/2027`, {
          as: submitter,
        })
      ).body.committedFen;
    const committedBefore = await committed();

    // Only its department or a reviewer cancels, with a reason.
    const cancel = (as: ReturnType<typeof principal>, body: object) =>
      admission.http.request<{ status: string; reason: string; duplicate: boolean }>(
        'POST',
        `/tasks/${taskId}/cancellation`,
        {
          as,
          body,
        },
      );
    expect((await cancel(submitter, {})).status).toBe(400);
    expect(
      (await cancel(principal([Roles.DepartmentSubmitter], { departmentId: otherDepartmentId }), { reason: 'x' }))
        .status,
    ).toBe(404);
    expect((await cancel(secretary(1), { reason: '不想做' })).status).toBe(403);
    const cancelled = await cancel(submitter, { reason: '上级政策调整，事项取消' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      taskId,
      status: 'cancelled',
      reason: '上级政策调整，事项取消',
      duplicate: false,
    });
    // Cancelling again answers the first cancellation.
    expect((await cancel(reviewer, { reason: '重复取消' })).body).toEqual({ ...cancelled.body, duplicate: true });
    expect(await taskList()).not.toContain(taskId);
    expect(await admission.outboxTypes(taskId)).toEqual([
      'admission.task.admitted',
      'admission.task.dispatched',
      'admission.task.cancelled',
    ]);
    const refused = await admission.http.request('POST', '/gate/assignments', {
      as: submitter,
      body: { taskId, communityId: communityIds[1], title: '报送四季度核查表' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'gate.task-cancelled' });
    expect(
      (
        await admission.http.request('POST', `/communities/${communityIds[1]}/tasks/${taskId}/done`, {
          as: secretary(1),
        })
      ).status,
    ).toBe(404);
    // Of a cancelled task the budget is committed only for what was paid (two quarters), not the whole year.
    expect(await committed()).toBe(committedBefore - 300000 + 150000);
    // An instalment finance had already started and pays later counts as paid, but the task stays cancelled.
    await finance('2028-Q1', 'paid');
    await admission.reviewReaches(id, submitter, (s) => (s.task as { paidFen?: number } | null)?.paidFen === 225000);
    expect(await taskList()).not.toContain(taskId);
    expect(await committed()).toBe(committedBefore - 300000 + 225000);
  });

  it('answers leaders: admissions against the catalogue, burden per community, decision time', async () => {
    const catalogue = await admission.http.request<{ items: { code: string; admittedTasks: number }[] }>(
      'GET',
      '/reports/catalogue-admissions',
      { as: leader },
    );
    expect(catalogue.body.items.find((item) => item.code === 'MZ-01')!.admittedTasks).toBeGreaterThanOrEqual(2);
    const burden = await admission.http.request<{
      items: { communityId: string; tasks: number; ledgers: number }[];
      offset: number;
      limit: number;
    }>('GET', '/reports/community-burden?limit=500', { as: leader });
    expect(burden.body).toMatchObject({ offset: 0, limit: 500 });
    expect(burden.body.items.find((row) => row.communityId === communityIds[0])).toMatchObject({
      tasks: 1,
      ledgers: 1,
    });
    const time = await admission.http.request<{ decided: number; medianDays: number }>(
      'GET',
      '/reports/decision-time',
      {
        as: leader,
      },
    );
    expect(time.body.decided).toBeGreaterThanOrEqual(4);
    expect(time.body.medianDays).toBeGreaterThanOrEqual(0);
    expect((await admission.http.request('GET', '/reports/decision-time', { as: submitter })).status).toBe(403);
  });

  it('answers the leaders’ dashboard: burden against the catalogue’s cap, admitted against refused by reason', async () => {
    type Measure = { inForce: number; allowed: number; index: number | null };
    type BurdenIndex = {
      year: number;
      allowed: { items: number; ledgers: number; evaluations: number };
      communities: {
        communityId: string;
        streetCode: string;
        tasks: number;
        items: Measure;
        ledgers: Measure;
        evaluations: Measure;
        index: number | null;
      }[];
    };
    const index = await admission.http.request<BurdenIndex>('GET', '/reports/burden-index?year=2027&streetCode=S-GL', {
      as: leader,
    });
    expect(index.status).toBe(200);
    // The catalogue: MZ-01 (one ledger, no evaluation) and DQ-01 (an evaluation item).
    expect(index.body).toMatchObject({ year: 2027, allowed: { items: 2, ledgers: 1, evaluations: 1 } });
    expect(index.body.communities.map((row) => row.communityId).sort()).toEqual([...communityIds].sort());
    // Every figure is the count of the rows behind it: the same tasks the older burden report counts.
    const burden = await admission.http.request<{ items: { communityId: string; tasks: number }[] }>(
      'GET',
      '/reports/community-burden?limit=500',
      { as: leader },
    );
    for (const row of index.body.communities) {
      expect(row.tasks).toBe(burden.body.items.find((item) => item.communityId === row.communityId)!.tasks);
      expect(row.items.inForce).toBeLessThanOrEqual(row.tasks);
    }
    const first = index.body.communities.find((row) => row.communityId === communityIds[0])!;
    // Its tasks come under MZ-01 alone and keep the one allowed ledger: 1 of 2 items, 1 of 1 ledger.
    expect(first.items).toEqual({ inForce: 1, allowed: 2, index: 50 });
    expect(first.ledgers).toEqual({ inForce: 1, allowed: 1, index: 100 });
    expect(first.index).toBe(100);
    const otherYear = await admission.http.request<BurdenIndex>('GET', '/reports/burden-index?year=2030', {
      as: leader,
    });
    expect(otherYear.body.communities.every((row) => row.tasks === 0 && row.index === 0)).toBe(true);
    const own = await admission.http.request<BurdenIndex>('GET', '/reports/burden-index?year=2027', {
      as: secretary(1),
    });
    expect(own.body.communities.map((row) => row.communityId)).toEqual([communityIds[1]]);
    const badYear = await admission.http.request<{ errors: { field: string }[] }>(
      'GET',
      '/reports/burden-index?year=1999',
      { as: leader },
    );
    expect(badYear).toMatchObject({ status: 400, body: { errors: [{ field: 'year' }] } });

    const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    type Outcomes = {
      decided: number;
      admitted: number;
      refused: number;
      refusedByReason: { reason: string; source: string; count: number }[];
      medianWorkingDays: number | null;
    };
    const outcomes = await admission.http.request<Outcomes>('GET', `/reports/decision-outcomes?year=${thisYear}`, {
      as: leader,
    });
    expect(outcomes.status).toBe(200);
    const time = await admission.http.request<{ decided: number; byOutcome: { outcome: string; decided: number }[] }>(
      'GET',
      '/reports/decision-time',
      { as: leader },
    );
    const decidedAs = (outcome: string) => time.body.byOutcome.find((row) => row.outcome === outcome)?.decided ?? 0;
    expect(outcomes.body.decided).toBe(time.body.decided);
    expect(outcomes.body.admitted).toBe(decidedAs('admitted'));
    const violations = await admission.http.request<{ items: { violations: number }[] }>(
      'GET',
      '/reports/department-violations?limit=500',
      { as: leader },
    );
    const violationCount = violations.body.items.reduce((sum, row) => sum + row.violations, 0);
    expect(outcomes.body.refused).toBe(decidedAs('rejected') + violationCount);
    expect(outcomes.body.refusedByReason.reduce((sum, row) => sum + row.count, 0)).toBe(outcomes.body.refused);
    expect(outcomes.body.refusedByReason).toContainEqual({
      reason: 'review',
      source: 'review',
      count: expect.any(Number),
    });
    expect(outcomes.body.refusedByReason.some((row) => row.source === 'precheck')).toBe(true);
    expect(outcomes.body.refusedByReason.some((row) => row.source === 'gate')).toBe(true);
    // Every decision here was taken on the day it was submitted.
    expect(outcomes.body.medianWorkingDays).toBe(0);
    expect((await admission.http.request('GET', '/reports/decision-outcomes', { as: submitter })).status).toBe(403);
  });

  it('takes the answers of many communities sent at the same moment, each with its answer and nothing lost', async () => {
    // More answers at once than Temporal admits Updates in flight on one workflow (10 by default).
    const many = await admission.seedOrganisation('S-MANY', 24);
    const manySubmitter = principal([Roles.DepartmentSubmitter], { departmentId: many.departmentId }, 'many-clerk');
    const id = await draftAndSubmit(submissionBody(many.communityIds), manySubmitter);
    await admission.reviewReaches(id, manySubmitter, (s) => s.review?.status === 'street-review');
    expect((await act(id, reviewer, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(id, manySubmitter, (s) => s.review?.status === 'consultation');

    const answers = await Promise.all(
      many.communityIds.map((communityId, index) =>
        act(id, principal([Roles.CommunitySecretary], { communityIds: [communityId] }, `many-secretary-${index}`), {
          action: 'approve',
          comment: '同意',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(many.communityIds.map(() => 200));
    expect(new Set(answers.map((answer) => answer.body.step.stepId))).toEqual(new Set(['consultation-1']));
    const view = await admission.http.request<{ consultation: { communityCount: number; approved: number } }>(
      'GET',
      `/submissions/${id}`,
      { as: manySubmitter },
    );
    expect(view.body.consultation).toMatchObject({ communityCount: 24, approved: 24 });
  });
});
