import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import type { SecretaryAppointedPayload, WorkerPromotedPayload } from '@jianfu/contracts';
import { promotionWorkflowId } from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import { hr, PersonnelUnderTest } from './support/personnel-under-test.js';
import { recordHistory } from './support/record-history.js';

const streetCommittee = principal([Roles.HrOfficer], { streetCodes: ['S-CT1'] }, 'street-party-committee-1');
const organisationDepartment = principal([Roles.HrOfficer], {}, 'zuzhibu-1');

/**
 * Both career tracks on the real servers: eligibility from the district's rules and finalised annual
 * grades, the street review then the district decision in Temporal, the record and events on approval.
 */
describe('career tracks and promotions', () => {
  const personnel = new PersonnelUnderTest('career-tracks');
  let communityId: string;
  const ids: Record<string, string> = {};

  async function finaliseAnnual(year: string, grades: Record<string, string>) {
    const opened = await personnel.http.request<{ cycleId: string }>('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'annual', period: year, communityId },
    });
    expect(opened.status).toBe(201);
    const { cycleId } = opened.body;
    const graded = await personnel.http.request('PUT', `/assessment-cycles/${cycleId}/grades`, {
      as: hr,
      body: { grades: Object.entries(grades).map(([key, grade]) => ({ workerId: ids[key], grade })) },
    });
    expect(graded.status).toBe(200);
    expect((await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr })).status).toBe(
      202,
    );
    const approved = await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing/actions`, {
      as: organisationDepartment,
      body: { kind: 'approve' },
    });
    expect(approved.status).toBe(200);
    await eventually(async () => {
      const cycle = await personnel.http.request<{ status: string }>('GET', `/assessment-cycles/${cycleId}`, {
        as: hr,
      });
      expect(cycle.body.status).toBe('finalised');
    });
  }

  function act(requestId: string, body: object, as: typeof hr) {
    return personnel.http.request<{ step: { stepId: string; state: string }; code?: string }>(
      'POST',
      `/promotion-requests/${requestId}/actions`,
      { as, body },
    );
  }

  async function requestPromotion(key: string, trackCode: string) {
    return personnel.http.request<{
      requestId: string;
      toStep: string;
      code?: string;
      detail?: string;
      unmet?: { rule: string; required: unknown; actual: unknown; message: string }[];
    }>('POST', `/workers/${ids[key]}/promotions`, { as: hr, body: { trackCode, reason: '年度推荐' } });
  }

  async function promotionStatus(requestId: string) {
    const response = await personnel.http.request<{ status: string }>('GET', `/promotion-requests/${requestId}`, {
      as: hr,
    });
    return response.body.status;
  }

  beforeAll(async () => {
    await personnel.start({ worker: true });
    communityId = await personnel.addCommunity('CT-1', 'S-CT1');
    ids.veteran = await personnel.registerWorker(communityId, 'CT-VET', { postSince: '2019-03-01' });
    ids.newcomer = await personnel.registerWorker(communityId, 'CT-NEW', {
      postSince: '2025-09-01',
      hireDate: '2025-09-01',
      titleSince: '2025-09-01',
      partyMember: false,
    });
    ids.titled = await personnel.registerWorker(communityId, 'CT-TTL', {
      certificates: ['assistant-social-worker-qualification'],
      partyMember: false,
    });
    ids.uncertified = await personnel.registerWorker(communityId, 'CT-UNC', { partyMember: false });
    ids.other = await personnel.registerWorker(communityId, 'CT-OTH');
    // 20% of 5 is one 优秀 and 60% three 良好 a year.
    await finaliseAnnual('2024', {
      veteran: 'good',
      newcomer: 'good',
      titled: 'qualified',
      uncertified: 'qualified',
      other: 'excellent',
    });
    await finaliseAnnual('2025', {
      veteran: 'excellent',
      newcomer: 'good',
      titled: 'qualified',
      uncertified: 'qualified',
      other: 'good',
    });
  });

  afterAll(() => personnel.close());

  it('promotes an eligible worker on the post track after the street review and the district decision', async () => {
    const requested = await requestPromotion('veteran', 'post');
    expect(requested.status).toBe(202);
    expect(requested.body.toStep).toBe('community-secretary');
    const { requestId } = requested.body;
    expect((await requestPromotion('veteran', 'post')).status).toBe(409);

    // The district may not take the street committee's step, nor the requester decide their own request.
    expect((await act(requestId, { kind: 'approve' }, organisationDepartment)).status).toBe(403);
    expect((await act(requestId, { kind: 'approve' }, hr)).status).toBe(403);
    const reviewed = await act(requestId, { kind: 'approve' }, streetCommittee);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.step).toMatchObject({ stepId: 'street-review', status: 'approved' });

    await eventually(async () => {
      const streetAtDistrictStep = await act(requestId, { kind: 'approve' }, streetCommittee);
      expect(streetAtDistrictStep.status).toBe(403);
    });
    const decided = await act(requestId, { kind: 'approve' }, organisationDepartment);
    expect(decided.body.step).toMatchObject({ stepId: 'district-decision', status: 'approved' });
    await eventually(async () => expect(await promotionStatus(requestId)).toBe('promoted'));
    await recordHistory(personnel.api.app.get(Client), promotionWorkflowId(requestId), 'promotion-approved');

    const worker = await personnel.http.request('GET', `/workers/${ids.veteran}`, { as: hr });
    expect(worker.body).toMatchObject({ postStep: 'community-secretary' });
    const promoted = await personnel.outboxEvents<WorkerPromotedPayload>('personnel.worker.promoted');
    expect(promoted.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        requestId,
        workerId: ids.veteran,
        trackCode: 'post',
        fromStep: 'community-worker',
        toStep: 'community-secretary',
        toStepName: '社区书记',
        approvedBy: 'zuzhibu-1',
      }),
    ]);
    const appointed = await personnel.outboxEvents<SecretaryAppointedPayload>('personnel.secretary.appointed');
    expect(appointed.map((event) => event.payload)).toEqual([
      expect.objectContaining({ communityId, workerId: ids.veteran, name: '工作者CT-VET' }),
    ]);

    // The next step is a career-establishment post: no places and too few years as secretary.
    const career = await personnel.http.request<{
      path: { trackCode: string; step: string; how: string }[];
      tracks: { trackCode: string; next: { code: string }; unmet: { rule: string }[] }[];
    }>('GET', `/workers/${ids.veteran}/career`, { as: hr });
    expect(career.body.path.filter((entry) => entry.trackCode === 'post')).toEqual([
      expect.objectContaining({ step: 'community-worker', how: 'registered' }),
      expect.objectContaining({ step: 'community-secretary', how: 'promoted' }),
    ]);
    const post = career.body.tracks.find((track) => track.trackCode === 'post')!;
    expect(post.next.code).toBe('career-secretary');
    expect(post.unmet.map((rule) => rule.rule)).toEqual([
      'years-in-rank',
      'recent-annual-grades',
      'establishment-places',
    ]);
  });

  it('counts career-establishment places the district sets against those holding the step', async () => {
    const places = await personnel.http.request('PUT', '/career-tracks/post/steps/career-secretary/places', {
      as: hr,
      body: { places: 1 },
    });
    expect(places.body).toEqual({ places: 1, held: 0, available: 1 });
    expect(
      (
        await personnel.http.request('PUT', '/career-tracks/post/steps/career-secretary/places', {
          as: hr,
          body: { places: -1 },
        })
      ).status,
    ).toBe(400);
    const tracks = await personnel.http.request<{
      items: {
        code: string;
        steps: { code: string; placesAvailable: number | null; rule: { districtCode: string } | null }[];
      }[];
      total: number;
    }>('GET', '/career-tracks', { as: hr });
    expect(tracks.body.total).toBe(2);
    const post = tracks.body.items.find((track) => track.code === 'post')!;
    expect(post.steps.map((step) => [step.code, step.placesAvailable])).toEqual([
      ['community-worker', null],
      ['community-secretary', null],
      ['career-secretary', 1],
      ['street-deputy', 0],
    ]);
    expect(post.steps[1].rule).toMatchObject({ districtCode: '*', minYearsInRank: 3 });

    const career = await personnel.http.request<{ tracks: { trackCode: string; unmet: { rule: string }[] }[] }>(
      'GET',
      `/workers/${ids.veteran}/career`,
      { as: hr },
    );
    const next = career.body.tracks.find((track) => track.trackCode === 'post')!;
    expect(next.unmet.map((rule) => rule.rule)).toEqual(['years-in-rank', 'recent-annual-grades']);
  });

  it('refuses an ineligible worker on the post track, listing every unmet rule', async () => {
    const refused = await requestPromotion('newcomer', 'post');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('promotion.ineligible');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('[years-in-rank] 需任社区工作者满3年');
    expect(refused.body.detail).toContain('[party-membership]');
    expect(refused.body.detail).not.toContain('[recent-annual-grades]');
    // The same rules as data: a client reads rule, required and actual without parsing prose.
    expect(refused.body.unmet).toEqual([
      { rule: 'years-in-rank', required: 3, actual: expect.any(Number), message: expect.stringContaining('满3年') },
      { rule: 'party-membership', required: true, actual: false, message: '需为中共党员' },
    ]);
    expect(refused.body.unmet![0].actual).toBeLessThan(3);
    const career = await personnel.http.request<{
      tracks: { trackCode: string; unmet: unknown[]; checks: { rule: string; met: boolean; message: string }[] }[];
    }>('GET', `/workers/${ids.newcomer}/career`, { as: hr });
    const post = career.body.tracks.find((track) => track.trackCode === 'post')!;
    expect(post.unmet).toEqual(refused.body.unmet);
    // Every rule of the next step, met or not, so a career page shows what is done beside what is missing.
    expect(post.checks.map((check) => [check.rule, check.met])).toEqual([
      ['years-in-rank', false],
      ['recent-annual-grades', true],
      ['education', true],
      ['party-membership', false],
    ]);
    expect(post.checks.filter((check) => !check.met).map(({ met: _met, ...unmet }) => unmet)).toEqual(
      refused.body.unmet,
    );

    // The district relaxes its own rule; what is still missing is only party membership.
    const relaxed = await personnel.http.request('PUT', '/career-tracks/post/steps/community-secretary/rule', {
      as: hr,
      body: {
        minYearsInRank: 0,
        recentAnnualGrades: 1,
        recentAnnualMinGrade: 'good',
        requiredCertificates: [],
        minEducation: 'junior-college',
        requiresPartyMember: true,
        limitedByPlaces: false,
      },
    });
    expect(relaxed.status).toBe(200);
    const streetOfficial = await personnel.http.request('PUT', '/career-tracks/post/steps/community-secretary/rule', {
      as: streetCommittee,
      body: {
        minYearsInRank: 0,
        recentAnnualGrades: 0,
        recentAnnualMinGrade: 'good',
        requiredCertificates: [],
        requiresPartyMember: false,
        limitedByPlaces: false,
      },
    });
    expect(streetOfficial.status).toBe(403);
    const again = await requestPromotion('newcomer', 'post');
    expect(again.status).toBe(422);
    expect(again.body.detail).not.toContain('[years-in-rank]');
    expect(again.body.unmet).toEqual([
      { rule: 'party-membership', required: true, actual: false, message: '需为中共党员' },
    ]);
  });

  it('describes the unmet rules of a refusal and of the career query in the OpenAPI document', async () => {
    type Schema = { $ref?: string; allOf?: Schema[]; items?: Schema; properties?: Record<string, Schema> };
    const document = await personnel.http.request<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>
      >;
      components: { schemas: Record<string, Schema & { required?: string[] }> };
    }>('GET', '/docs/openapi.json');
    const named = (ref: string | undefined) => document.body.components.schemas[ref!.split('/').pop()!];
    const refusal = document.body.paths['/workers/{workerId}/promotions'].post.responses['422'];
    const members = refusal.content['application/problem+json'].schema.allOf!.find((part) => part.properties?.unmet);
    const unmetRule = named(members!.properties!.unmet.items!.$ref);
    expect(unmetRule.required).toEqual(['rule', 'required', 'actual', 'message']);
    const career = named(
      document.body.paths['/workers/{workerId}/career'].get.responses['200'].content['application/json'].schema.$ref,
    );
    const standing = named(career.properties!.tracks.items!.$ref);
    expect(named(standing.properties!.unmet.items!.$ref)).toBe(unmetRule);
  });

  it('promotes on the professional track with the certificate, and refuses without it', async () => {
    const refused = await requestPromotion('uncertified', 'professional');
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('[certificate] 需持有助理社会工作师职业资格证书');
    expect(refused.body.unmet).toEqual([
      expect.objectContaining({ rule: 'certificate', required: 'assistant-social-worker-qualification', actual: [] }),
    ]);

    const requested = await requestPromotion('titled', 'professional');
    expect(requested.status).toBe(202);
    expect(requested.body.toStep).toBe('assistant-social-worker');
    const reviewed = await act(requested.body.requestId, { kind: 'approve' }, streetCommittee);
    expect(reviewed.body).toMatchObject({ step: { stepId: 'street-review', status: 'approved' } });
    await eventually(async () =>
      expect(await act(requested.body.requestId, { kind: 'approve' }, organisationDepartment)).toMatchObject({
        status: 200,
      }),
    );
    await eventually(async () => expect(await promotionStatus(requested.body.requestId)).toBe('promoted'));
    const worker = await personnel.http.request('GET', `/workers/${ids.titled}`, { as: hr });
    expect(worker.body).toMatchObject({ titleStep: 'assistant-social-worker', postStep: 'community-worker' });
    const appointed = await personnel.outboxEvents<SecretaryAppointedPayload>('personnel.secretary.appointed');
    expect(appointed.filter((event) => event.payload.workerId === ids.titled)).toEqual([]);
  });

  it('counts workers per rank and title, with the share holding a college degree', async () => {
    const staffing = await personnel.http.request<{
      workers: number;
      partyMembers: number;
      collegeDegree: { workers: number; percent: number };
      tracks: { trackCode: string; steps: { step: string; workers: number; collegeDegreePercent: number }[] }[];
    }>('GET', `/statistics/staffing?communityId=${communityId}`, { as: hr });
    expect(staffing.status).toBe(200);
    expect(staffing.body).toMatchObject({ workers: 5, partyMembers: 2, collegeDegree: { workers: 5, percent: 100 } });
    const steps = (trackCode: string) =>
      staffing.body.tracks
        .find((track) => track.trackCode === trackCode)!
        .steps.map((step) => [step.step, step.workers]);
    expect(steps('post')).toEqual([
      ['community-worker', 4],
      ['community-secretary', 1],
      ['career-secretary', 0],
      ['street-deputy', 0],
    ]);
    expect(steps('professional')).toEqual([
      ['untitled', 4],
      ['assistant-social-worker', 1],
      ['social-worker', 0],
      ['senior-social-worker', 0],
    ]);
  });

  it('closes a request the street committee rejects, without changing the worker', async () => {
    const requested = await requestPromotion('other', 'post');
    expect(requested.status).toBe(202);
    const noReason = await act(requested.body.requestId, { kind: 'reject' }, streetCommittee);
    expect(noReason.status).toBe(400);
    await act(requested.body.requestId, { kind: 'reject', reason: '群众评议意见较多' }, streetCommittee);
    await eventually(async () => expect(await promotionStatus(requested.body.requestId)).toBe('rejected'));
    await recordHistory(
      personnel.api.app.get(Client),
      promotionWorkflowId(requested.body.requestId),
      'promotion-rejected-by-street',
    );
    const worker = await personnel.http.request('GET', `/workers/${ids.other}`, { as: hr });
    expect(worker.body).toMatchObject({ postStep: 'community-worker' });
  });
});
