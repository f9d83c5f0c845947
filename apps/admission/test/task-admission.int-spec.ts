import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TaskFundingFailed, TaskFundsDisbursed, type TaskAdmittedPayload } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
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
    const published = await admission.http.request('POST', '/catalogue/versions', {
      as: reviewer,
      body: { items: catalogueItems, note: '试点清单' },
    });
    expect(published.status).toBe(201);
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
    return admission.http.request<{ duplicate: boolean; step: { stepId: string; state: string } }>(
      'POST',
      `/submissions/${submissionId}/actions`,
      { as, body, ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}) },
    );
  }

  it('admits a submission through every step, then dispatches it when finance reports the funds', async () => {
    const id = await draftAndSubmit(submissionBody(communityIds.slice(0, 2)));
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'street-review');

    // A department user can never decide its own submission, even one holding a reviewer role.
    const own = await act(id, colleague, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'approval.self-decision' });
    // A secretary is not a street reviewer.
    expect((await act(id, secretary(0), { action: 'approve' })).body).toMatchObject({ code: 'approval.wrong-actor' });

    const inbox = await admission.http.request<{ items: { subjectId: string; stepId: string }[] }>(
      'GET',
      '/approval-inbox?subjectType=admission-submission',
      { as: reviewer },
    );
    expect(inbox.body.items.map((item) => [item.subjectId, item.stepId])).toContainEqual([id, 'street-review-1']);

    const approved = await act(id, reviewer, { action: 'approve', comment: '符合准入条件' }, 'street-approve-1');
    expect(approved.status).toBe(200);
    expect(approved.body.step).toMatchObject({ stepId: 'street-review-1', state: 'approved' });
    // The same request with the same key again: the first answer replayed, no second effect.
    const again = await act(id, reviewer, { action: 'approve', comment: '符合准入条件' }, 'street-approve-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(approved.body);

    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'consultation');
    // The third community was not targeted: its secretary has nothing to answer.
    expect((await act(id, secretary(2), { action: 'approve' })).status).toBe(404);
    const secretaryInbox = await admission.http.request<{ items: { subjectId: string }[] }>('GET', '/approval-inbox', {
      as: secretary(1),
    });
    expect(secretaryInbox.body.items.map((item) => item.subjectId)).toContain(id);
    expect((await act(id, secretary(0), { action: 'approve', comment: '同意' })).body.step.state).toBe('open');
    // The same actor acting again has one effect.
    expect((await act(id, secretary(0), { action: 'approve' })).body.duplicate).toBe(true);
    expect((await act(id, secretary(1), { action: 'approve' })).body.step.state).toBe('approved');

    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'committee');
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
    await admission.reviewReaches(single, submitter, (s) => s.review?.state === 'street-review');
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
    expect(decided.body.step).toMatchObject({ stepId: 'street-review-1', state: 'approved' });
    expect(await waitingFor(glReviewer, single)).toEqual([]);

    await admission.reviewReaches(single, submitter, (s) => s.review?.state === 'consultation');
    await act(single, secretary(0), { action: 'approve' });
    await act(single, secretary(1), { action: 'approve' });
    await admission.reviewReaches(single, submitter, (s) => s.review?.state === 'committee');
    // The committee: a reviewer without the committee role is refused and sees nothing; a member decides.
    expect((await act(single, glReviewer, { action: 'approve' })).body).toMatchObject({ code: 'approval.wrong-actor' });
    expect(await waitingFor(reviewer, single)).toEqual([]);
    expect(await waitingFor(committee, single)).toEqual(['committee']);
    expect((await act(single, committee, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(single, submitter, (s) => s.status === 'admitted');

    // Across two streets no single street decides: only a district-wide reviewer holds the step.
    const spanning = await draftAndSubmit(submissionBody([communityIds[2], eastCommunity], { title: '跨街道事项' }));
    await admission.reviewReaches(spanning, submitter, (s) => s.review?.state === 'street-review');
    expect((await act(spanning, glReviewer, { action: 'approve' })).body).toMatchObject({
      code: 'approval.out-of-scope',
    });
    expect(await waitingFor(glReviewer, spanning)).toEqual([]);
    expect(await waitingFor(dbReviewer, spanning)).toEqual([]);
    expect(await waitingFor(districtMember, spanning)).toEqual(['civil-affairs']);
    expect((await act(spanning, districtMember, { action: 'approve' })).status).toBe(200);
    await admission.reviewReaches(spanning, submitter, (s) => s.review?.state === 'consultation');
    await act(spanning, secretary(2), { action: 'approve' });
    await act(spanning, eastSecretary, { action: 'approve' });
    await admission.reviewReaches(spanning, submitter, (s) => s.review?.state === 'committee');
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
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'street-review');
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
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'street-review');
    const withoutReason = await act(id, reviewer, { action: 'return' });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({ code: 'approval.reason-required' });
    expect((await act(id, reviewer, { action: 'return', reason: '请补充核查表样式' })).body.step.state).toBe(
      'returned',
    );
    const returned = await admission.reviewReaches(id, submitter, (s) => s.status === 'returned');
    expect(returned.outcomeReason).toBe('请补充核查表样式');
    // The amendment now waits for the submitter, in the submitter's own inbox.
    const waiting = await admission.http.request<{ items: { subjectId: string; stepId: string }[] }>(
      'GET',
      '/approval-inbox',
      { as: submitter },
    );
    expect(waiting.body.items.map((item) => [item.subjectId, item.stepId])).toContainEqual([id, 'amendment-1']);

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
        await admission.http.request('POST', `/submissions/${id}/resubmit`, {
          as: principal([Roles.DepartmentSubmitter], { departmentId: otherDepartmentId }),
          body: {},
        })
      ).status,
    ).toBe(404);
    const resubmitted = await admission.http.request('POST', `/submissions/${id}/resubmit`, {
      as: submitter,
      body: { comment: '已补充核查表样式' },
    });
    expect(resubmitted.status).toBe(200);
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'street-review' && s.round === 2);

    await act(id, reviewer, { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'consultation');
    await act(id, secretary(2), { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'committee');
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
    await admission.reviewReaches(withdrawn, submitter, (s) => s.review?.state === 'street-review');
    await act(withdrawn, submitter, { action: 'remind' });
    expect((await act(withdrawn, reviewer, { action: 'withdraw' })).status).toBe(403);
    expect((await act(withdrawn, submitter, { action: 'withdraw' })).status).toBe(200);
    await admission.reviewReaches(withdrawn, submitter, (s) => s.status === 'withdrawn');
    expect((await act(withdrawn, reviewer, { action: 'approve' })).status).toBe(409);

    const rejected = await draftAndSubmit(submissionBody([communityIds[0]], { title: '驳回测试事项' }));
    await admission.reviewReaches(rejected, submitter, (s) => s.review?.state === 'street-review');
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
    expect((await act(rejected, other, { action: 'reject', reason: '不属于社区职责' })).body.step.state).toBe(
      'rejected',
    );
    await admission.reviewReaches(rejected, submitter, (s) => s.status === 'rejected');
    // Repeating the rejection after the review closed: the same decision, no second effect.
    const repeat = await act(rejected, other, { action: 'reject', reason: '不属于社区职责' });
    expect(repeat.status).toBe(200);
    expect(repeat.body.duplicate).toBe(true);
    expect(await admission.outboxTypes(rejected)).toEqual([
      'admission.submission.submitted',
      'admission.submission.rejected',
    ]);
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
    const flagged = await admission.reviewReaches(duplicate, submitter, (s) => s.review?.state === 'street-review');
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

    const violations = await admission.http.request<{ departmentId: string; violations: number }[]>(
      'GET',
      '/reports/department-violations',
      { as: leader },
    );
    expect(violations.body).toEqual(
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
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'street-review');
    await act(id, reviewer, { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'consultation');
    await act(id, secretary(2), { action: 'approve' });
    await admission.reviewReaches(id, submitter, (s) => s.review?.state === 'committee');
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

  it('answers leaders: admissions against the catalogue, burden per community, decision time', async () => {
    const catalogue = await admission.http.request<{ items: { code: string; admittedTasks: number }[] }>(
      'GET',
      '/reports/catalogue-admissions',
      { as: leader },
    );
    expect(catalogue.body.items.find((item) => item.code === 'MZ-01')!.admittedTasks).toBeGreaterThanOrEqual(2);
    const burden = await admission.http.request<{ communityId: string; tasks: number; ledgers: number }[]>(
      'GET',
      '/reports/community-burden',
      { as: leader },
    );
    expect(burden.body.find((row) => row.communityId === communityIds[0])).toMatchObject({ tasks: 1, ledgers: 1 });
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
});
