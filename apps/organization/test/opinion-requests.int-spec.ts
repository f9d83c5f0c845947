import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { opinionRequestWorkflowId } from '@jianfu/contracts/workflows';
import { Roles, workflowsPathBeside } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  eventually,
  principal,
  readServiceTopic,
  serviceEnvironment,
  startServiceWithWorker,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { OrganizationModule } from '../src/app.module.js';
import { OrganizationConfig } from '../src/config.js';
import { createOrganizationWorker } from '../src/organization-worker.js';
import { recordHistory } from './support/record-history.js';

interface Answer {
  id: string;
  communityId: string;
  answer: string;
  reason: string | null;
  answeredBy: string;
  supersedes: string | null;
}

interface OpinionRequest {
  status: string;
  standingAnswers: Answer[];
  answerHistory: Answer[];
  residentObjections: { communityId: string; objection: string }[];
  tally: { agree: number; disagree: number; noObjection: number; noOpinion: number };
}

/**
 * 进社区双公示 and 征求意见 end to end: the API and worker on real Postgres and Kafka, with the workflows on the
 * time-skipping Temporal server, so a publicity window of working days ends the moment the test waits for it.
 */
describe('opinion requests (征求意见 / 进社区双公示)', () => {
  const isolation = createTestIsolation('opinion-requests');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  const zuzhibu = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  let env: TestWorkflowEnvironment;
  let api: ServiceWithWorker<OrganizationConfig>;
  let departmentId: string;
  const communities: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const secretary = (key: 'A' | 'B' | 'C') =>
    principal([Roles.CommunitySecretary], { communityIds: [communities[key]] }, `secretary-${key}`);

  beforeAll(async () => {
    const path = currentInfrastructure().temporalTestServerPath;
    if (!path) throw new Error('No time-skipping test server: JIANFU_TEST_TEMPORAL_TEST_SERVER is not set');
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    api = await startServiceWithWorker({
      configClass: OrganizationConfig,
      environment: serviceEnvironment(isolation, 'organization', { TEMPORAL_ADDRESS: env.address }),
      module: (config) => OrganizationModule.forApi(config),
      createWorker: createOrganizationWorker,
      workflowsPath: workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    });
    expect(
      (await api.http.request('POST', '/streets', { as: admin, body: { code: 'S-OP', name: '东街街道' } })).status,
    ).toBe(201);
    for (const key of ['A', 'B', 'C'] as const) {
      const created = await api.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code: `OP-${key}`, name: `${key}社区`, streetCode: 'S-OP', partyMemberCount: 40 },
      });
      expect(created.status).toBe(201);
      communities[key] = created.body.communityId;
    }
    const department = await api.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'OP-MZJ', name: '区民政局' },
    });
    expect(department.status).toBe(201);
    departmentId = department.body.departmentId;
  });

  afterAll(async () => {
    await api?.close();
    await env?.teardown();
  });

  function open(body: Record<string, unknown>) {
    return api.http.request<{ requestId: string; workflowId: string }>('POST', '/opinion-requests', {
      as: zuzhibu,
      body: {
        subjectKind: 'person',
        subjectId: 'P-0042',
        subjectName: '林晓',
        purpose: 'promotion',
        publicityText: '拟提拔林晓同志任区民政局副局长，现在挂钩社区予以公示，征求社区党组织意见。',
        windowWorkingDays: 5,
        communityIds: [communities.A, communities.B],
        ...body,
      },
    });
  }

  function answer(requestId: string, key: 'A' | 'B' | 'C', body: Record<string, unknown>, as = secretary(key)) {
    return api.http.request<Answer & { code?: string }>('POST', `/opinion-requests/${requestId}/answers`, {
      as,
      body: { communityId: communities[key], ...body },
    });
  }

  /** Whether the community's secretary finds the request in a view of the approval inbox (待办 / 已办). */
  async function inboxHas(view: 'todo' | 'done', key: 'A' | 'B' | 'C', requestId: string): Promise<boolean> {
    const inbox = await api.http.request<{ items: { subjectId: string }[] }>(
      'GET',
      `/approval-inbox?view=${view}&subjectType=opinion-request&limit=500`,
      { as: secretary(key) },
    );
    expect(inbox.status).toBe(200);
    return inbox.body.items.some((item) => item.subjectId === requestId);
  }

  function get(requestId: string) {
    return api.http.request<OpinionRequest>('GET', `/opinion-requests/${requestId}`, { as: zuzhibu });
  }

  /** Waits, on the time-skipping server, until the publicity window has ended; keeps the history for replay. */
  async function windowEnds(requestId: string, history: string): Promise<void> {
    expect(await env.client.workflow.getHandle(opinionRequestWorkflowId(requestId)).result()).toBe('window-closed');
    await recordHistory(env.client, opinionRequestWorkflowId(requestId), history);
  }

  it('keeps an agency member’s linked communities (挂钩社区)', async () => {
    const linked = await api.http.request('POST', '/linked-members', {
      as: admin,
      body: {
        personId: 'P-0042',
        personName: '林晓',
        departmentId,
        communityId: communities.A,
        linkedSince: '2025-03-01',
      },
    });
    expect(linked.status).toBe(201);
    const again = await api.http.request<{ code: string }>('POST', '/linked-members', {
      as: admin,
      body: {
        personId: 'P-0042',
        personName: '林晓',
        departmentId,
        communityId: communities.A,
        linkedSince: '2025-03-01',
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('linked-member.duplicate');
    const listed = await api.http.request<{ items: unknown[] }>('GET', `/communities/${communities.A}/linked-members`, {
      as: secretary('A'),
    });
    expect(listed.body.items).toEqual([
      {
        id: expect.any(String),
        personId: 'P-0042',
        personName: '林晓',
        departmentId,
        communityId: communities.A,
        linkedSince: '2025-03-01',
      },
    ]);
    const elsewhere = await api.http.request('GET', `/communities/${communities.A}/linked-members`, {
      as: secretary('B'),
    });
    expect(elsewhere.status).toBe(404);
  });

  it('refuses a request without communities or with a window of 0 days, naming the field', async () => {
    const none = await open({ communityIds: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('communityIds');
    const zero = await open({ windowWorkingDays: 0 });
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body)).toContain('windowWorkingDays');
  });

  it('双公示 for a promotion: two communities answer, one disagrees; closed only after the window, then announced', async () => {
    const requested = await open({});
    expect(requested.status).toBe(202);
    const { requestId } = requested.body;

    // Each asked community's secretary finds it in their 待办.
    await eventually(async () => {
      const inbox = await api.http.request<{ items: { subjectId: string; title: string }[] }>(
        'GET',
        '/approval-inbox?view=todo&subjectType=opinion-request',
        { as: secretary('B') },
      );
      expect(inbox.body.items).toContainEqual(
        expect.objectContaining({ subjectId: requestId, title: '林晓 提拔调整 征求社区党组织意见' }),
      );
    });

    const first = await answer(requestId, 'A', { answer: 'agree' });
    expect(first.status).toBe(201);
    // Answering settles the community's item at once: out of A's 待办, in A's 已办; B's stays until B answers.
    expect(await inboxHas('todo', 'A', requestId)).toBe(false);
    expect(await inboxHas('done', 'A', requestId)).toBe(true);
    expect(await inboxHas('todo', 'B', requestId)).toBe(true);
    // A correction is a new record superseding the first; both are kept.
    const corrected = await answer(requestId, 'A', { answer: 'disagree', reason: '挂钩社区报到后很少参加活动' });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ answer: 'disagree', supersedes: first.body.id });
    expect((await answer(requestId, 'A', { answer: 'disagree' })).status).toBe(400);
    expect((await answer(requestId, 'B', { answer: 'no-objection' })).status).toBe(201);
    expect(await inboxHas('todo', 'B', requestId)).toBe(false);
    // Answers leave the window open: the step is still publicising, residents may still object.
    expect((await get(requestId)).body.status).toBe('publicising');
    const objection = await api.http.request('POST', `/opinion-requests/${requestId}/resident-objections`, {
      as: secretary('B'),
      body: { communityId: communities.B, objection: '居民反映：该同志曾推诿社区报送事项' },
    });
    expect(objection.status).toBe(201);

    // A community not asked is refused with the rule (its secretary alone would not even see the request);
    // a secretary cannot answer for another community.
    const secretaryOfBAndC = principal(
      [Roles.CommunitySecretary],
      { communityIds: [communities.B, communities.C] },
      'secretary-BC',
    );
    const notAsked = await answer(requestId, 'C', { answer: 'agree' }, secretaryOfBAndC);
    expect(notAsked.status).toBe(422);
    expect(notAsked.body.code).toBe('opinion-request.community-not-asked');
    expect((await answer(requestId, 'B', { answer: 'agree' }, secretary('A'))).status).toBe(404);

    const early = await api.http.request<{ code: string }>('POST', `/opinion-requests/${requestId}/close`, {
      as: zuzhibu,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('opinion-request.window-open');

    await windowEnds(requestId, 'opinion-request-answered');
    const late = await answer(requestId, 'B', { answer: 'agree' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('opinion-request.window-closed');
    const byOther = await api.http.request<{ code: string }>('POST', `/opinion-requests/${requestId}/close`, {
      as: admin,
    });
    expect(byOther.status).toBe(403);

    const closed = await api.http.request<OpinionRequest>('POST', `/opinion-requests/${requestId}/close`, {
      as: zuzhibu,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      tally: { agree: 0, disagree: 1, noObjection: 1, noOpinion: 0 },
    });
    expect(closed.body.answerHistory.map((a) => [a.answer, a.supersedes !== null])).toEqual([
      ['agree', false],
      ['disagree', true],
      ['no-objection', false],
    ]);
    expect(closed.body.residentObjections).toHaveLength(1);
    // Closing again has no second effect.
    expect((await api.http.request('POST', `/opinion-requests/${requestId}/close`, { as: zuzhibu })).status).toBe(200);

    const announced = await eventually(async () => {
      const events = (await readServiceTopic(isolation, 'organization')).filter(
        (event) => event.type === 'organization.opinion-request.closed' && event.aggregateId === requestId,
      );
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(announced.payload).toMatchObject({
      subjectKind: 'person',
      subjectId: 'P-0042',
      purpose: 'promotion',
      communityIds: [communities.A, communities.B].sort(),
      tally: { agree: 0, disagree: 1, noObjection: 1, noOpinion: 0 },
      residentObjections: 1,
      closedBy: 'zuzhibu-1',
    });
  });

  it('lapses a community that does not answer by the deadline to “no opinion”, recorded', async () => {
    const requested = await open({ subjectName: '王磊', subjectId: 'P-0077', purpose: 'award', windowWorkingDays: 3 });
    expect(requested.status).toBe(202);
    const { requestId } = requested.body;
    expect((await answer(requestId, 'A', { answer: 'agree' })).status).toBe(201);
    await windowEnds(requestId, 'opinion-request-lapsed');
    const request = await get(requestId);
    expect(request.body.status).toBe('window-closed');
    expect(request.body.standingAnswers.map((a) => [a.communityId, a.answer, a.answeredBy])).toEqual(
      expect.arrayContaining([
        [communities.A, 'agree', 'secretary-A'],
        [communities.B, 'no-opinion', 'system'],
      ]),
    );
    expect(request.body.tally).toEqual({ agree: 1, disagree: 0, noObjection: 0, noOpinion: 1 });
  });

  it('lists the district’s requests per department with disagreements first, and the windows open now', async () => {
    const agreed = await open({ subjectId: 'P-0042', subjectName: '林晓', purpose: 'democratic-appraisal' });
    expect(agreed.status).toBe(202);
    expect((await answer(agreed.body.requestId, 'A', { answer: 'agree' })).status).toBe(201);
    type Listing = { id: string; status: string; tally: { disagree: number; agree: number } };
    const perDepartment = await api.http.request<{ items: Listing[] }>(
      'GET',
      `/opinion-requests?departmentId=${departmentId}`,
      { as: zuzhibu },
    );
    expect(perDepartment.status).toBe(200);
    expect(perDepartment.body.items.map((item) => [item.status, item.tally.disagree, item.tally.agree])).toEqual([
      ['closed', 1, 0],
      ['publicising', 0, 1],
    ]);
    const openNow = await api.http.request<{ items: Listing[] }>('GET', '/opinion-requests?open=true', {
      as: zuzhibu,
    });
    expect(openNow.body.items.map((item) => item.id)).toEqual([agreed.body.requestId]);
    expect((await api.http.request('GET', '/opinion-requests?open=yes', { as: zuzhibu })).status).toBe(400);
  });

  it('a department’s annual target assessment completes only after a closed request for it (年度目标责任考核)', async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const assessment = { departmentId, year };
    type Refusal = { code: string; unmet: { rule: string; message: string }[] };
    const precheck = () =>
      api.http.request<{ eligible: boolean; unmet: { rule: string }[]; opinionRequestId: string | null }>(
        'GET',
        `/department-assessments/precheck?departmentId=${departmentId}&year=${year}`,
        { as: zuzhibu },
      );
    const complete = () =>
      api.http.request<Refusal & { opinionRequestId: string; year: number }>('POST', '/department-assessments', {
        as: zuzhibu,
        body: assessment,
      });

    const before = await precheck();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      eligible: false,
      unmet: [{ rule: 'opinion-request' }],
      opinionRequestId: null,
    });
    const refused = await complete();
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('department-assessment.ineligible');
    expect(refused.body.unmet.map((rule) => rule.rule)).toEqual(['opinion-request']);

    // A request about the department for another purpose, or one still publicising, does not open the way.
    const requested = await open({
      subjectKind: 'department',
      subjectId: departmentId,
      subjectName: '区民政局',
      purpose: 'annual-assessment',
      publicityText: '区民政局年度目标责任考核，征求社区党组织意见。',
      windowWorkingDays: 2,
    });
    expect(requested.status).toBe(202);
    expect((await answer(requested.body.requestId, 'A', { answer: 'no-objection' })).status).toBe(201);
    expect((await complete()).body.code).toBe('department-assessment.ineligible');
    await windowEnds(requested.body.requestId, 'opinion-request-answer-settles-slot');
    expect((await complete()).body.code).toBe('department-assessment.ineligible');
    expect(
      (await api.http.request('POST', `/opinion-requests/${requested.body.requestId}/close`, { as: zuzhibu })).status,
    ).toBe(200);

    const byStreet = await api.http.request<Refusal>('POST', '/department-assessments', {
      as: principal([Roles.HrOfficer], { streetCodes: ['S-OP'] }, 'street-hr'),
      body: assessment,
    });
    expect(byStreet.status).toBe(403);
    expect((await precheck()).body).toMatchObject({
      eligible: true,
      unmet: [],
      opinionRequestId: requested.body.requestId,
    });
    const completed = await complete();
    expect(completed.status).toBe(201);
    expect(completed.body).toMatchObject({ departmentId, year, opinionRequestId: requested.body.requestId });
    const again = await complete();
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('department-assessment.completed');
    const unknown = await api.http.request<Refusal>('POST', '/department-assessments', {
      as: zuzhibu,
      body: { departmentId: '00000000-0000-4000-8000-000000000000', year },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('department.id-unknown');
  });

  it('lists for a street’s HR only the requests that asked a community of their street', async () => {
    expect(
      (await api.http.request('POST', '/streets', { as: admin, body: { code: 'S-OP2', name: '西街街道' } })).status,
    ).toBe(201);
    const other = await api.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'OP-D', name: 'D社区', streetCode: 'S-OP2', partyMemberCount: 40 },
    });
    expect(other.status).toBe(201);
    const west = await open({ subjectId: 'P-0099', subjectName: '赵敏', communityIds: [other.body.communityId] });
    expect(west.status).toBe(202);

    type Listing = { items: { id: string; communityIds: string[] }[] };
    const listed = async (as: ReturnType<typeof principal>) => {
      const answer = await api.http.request<Listing>('GET', '/opinion-requests', { as });
      expect(answer.status).toBe(200);
      return answer.body.items;
    };
    const eastHr = principal([Roles.HrOfficer], { streetCodes: ['S-OP'] }, 'street-hr-east');
    const westHr = principal([Roles.HrOfficer], { streetCodes: ['S-OP2'] }, 'street-hr-west');
    const district = await listed(zuzhibu);
    const east = await listed(eastHr);
    const westItems = await listed(westHr);
    expect(district.map((item) => item.id)).toContain(west.body.requestId);
    expect(westItems.map((item) => item.id)).toEqual([west.body.requestId]);
    expect(east.length).toBe(district.length - 1);
    expect(east.map((item) => item.id)).not.toContain(west.body.requestId);
    expect(east.every((item) => !item.communityIds.includes(other.body.communityId))).toBe(true);
    const westOpen = await api.http.request<Listing>('GET', '/opinion-requests?open=true', { as: westHr });
    expect(westOpen.body.items.map((item) => item.id)).toEqual([west.body.requestId]);
  });
});
