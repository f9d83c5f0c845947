import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { cadreReviewCycleApprovalWorkflowId } from '@jianfu/contracts/workflows';
import { chinaDateOf, type Principal, Roles } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import { hr, PersonnelUnderTest } from './support/personnel-under-test.js';
import { recordHistory } from './support/record-history.js';

interface Cycle {
  status: string;
  policyVersion: number;
  cadres: {
    workerId: string;
    ballots: string[];
    scores: Record<string, number> | null;
    composite: number | null;
    result: string | null;
  }[];
}

const otherDistrict = {
  code: '350111',
  proposer: principal([Roles.HrOfficer], { districtCode: '350111' }, 'hr-district-c'),
  approver: principal([Roles.HrOfficer], { districtCode: '350111' }, 'policy-approver-c'),
};

/**
 * The annual cadre review collected (seed 003: 述职评议、实地走访、入户调查，重点突出工作实绩和社区居民满意度): the same
 * evidence in two districts gives each district's result, by its own `cadre-review` weights, bands and veto.
 */
describe('cadre review cycles: evidence collected per year and street', () => {
  const personnel = new PersonnelUnderTest('cadre-review-cycles');

  beforeAll(async () => {
    await personnel.start({ worker: true });
    // District 350111 weighs residents' satisfaction more and bands lower than the seeds' defaults.
    const proposed = await personnel.http.request<{ version: number }>('POST', '/policies/cadre-review/versions', {
      as: otherDistrict.proposer,
      body: {
        document: {
          weightsPercent: {
            debriefingScore: 30,
            fieldVisitScore: 20,
            householdSurveyScore: 20,
            residentSatisfaction: 30,
          },
          excellentFrom: 85,
          goodFrom: 75,
          qualifiedFrom: 60,
          satisfactionVetoPercent: 70,
        },
        effectiveFrom: chinaDateOf(new Date()),
        reason: '区委组织部文件',
      },
    });
    expect(proposed.status).toBe(201);
    const published = await personnel.http.request(
      'POST',
      `/policies/cadre-review/versions/${proposed.body.version}/actions`,
      { as: otherDistrict.approver, body: { kind: 'approve' } },
    );
    expect(published.status).toBe(200);
  });

  afterAll(() => personnel.close());

  const path = (cycleId: string, workerId: string, rest: string) =>
    `/cadre-review-cycles/${cycleId}/cadres/${workerId}/${rest}`;

  /** Opens a street's cycle and records the same evidence for one cadre; returns what the cycle shows. */
  async function collect(districtCode: string, as: Principal, street: string) {
    const communityId = await personnel.addCommunity(`${street}-1`, street, districtCode);
    const workerId = await personnel.registerWorker(communityId, `${street}-W`, {}, as);
    const opened = await personnel.http.request<{ cycleId: string }>('POST', '/cadre-review-cycles', {
      as,
      body: { year: 2026, streetCode: street },
    });
    expect(opened.status).toBe(201);
    const { cycleId } = opened.body;
    const send = (method: 'PUT' | 'POST', rest: string, body: object) =>
      personnel.http.request<{ code?: string; supersedes?: string | null; id?: string }>(
        method,
        path(cycleId, workerId, rest),
        { as, body },
      );
    expect(
      (await send('PUT', 'meeting', { heldOn: '2026-12-10', attendees: ['jw-1', 'rep-1', 'rep-2', 'rep-3'] })).status,
    ).toBe(201);
    const first = await send('POST', 'ballots', { voterId: 'rep-3', grade: 'incompetent' });
    expect(first.status).toBe(201);
    // rep-3 corrects the ballot: the correction supersedes it, both stay on record.
    const corrected = await send('POST', 'ballots', { voterId: 'rep-3', grade: 'basically-competent' });
    expect(corrected.body.supersedes).toBe(first.body.id);
    for (const [voterId, grade] of [
      ['jw-1', 'excellent'],
      ['rep-1', 'competent'],
      ['rep-2', 'competent'],
    ]) {
      expect((await send('POST', 'ballots', { voterId, grade })).status).toBe(201);
    }
    expect(
      (
        await send('POST', 'field-visits', {
          visitedOn: '2026-11-20',
          checklist: [
            { item: '台账规范', score: 90 },
            { item: '服务窗口', score: 80 },
          ],
          notes: '走访居民 12 户',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send('POST', 'field-visits', {
          visitedOn: '2026-11-27',
          checklist: [
            { item: '台账规范', score: 100 },
            { item: '服务窗口', score: 90 },
          ],
          notes: '复访',
        })
      ).status,
    ).toBe(201);
    expect((await send('POST', 'household-surveys', { householdId: 'H-001', answers: [5, 4] })).status).toBe(201);
    expect((await send('POST', 'household-surveys', { householdId: 'H-002', answers: [4] })).status).toBe(201);
    expect(
      (await send('PUT', 'questionnaire', { sampleSize: 50, satisfied: 30, basicallySatisfied: 15, dissatisfied: 5 }))
        .status,
    ).toBe(201);
    const cycle = await personnel.http.request<Cycle>('GET', `/cadre-review-cycles/${cycleId}`, { as });
    expect(cycle.status).toBe(200);
    return { cycleId, workerId, send, cycle: cycle.body };
  }

  it('combines the same evidence by each district’s weights and bands', async () => {
    const a = await collect('350102', hr, 'S-CRA');
    const c = await collect(otherDistrict.code, otherDistrict.proposer, 'S-CRC');
    const sources = { debriefingScore: 80, fieldVisitScore: 90, householdSurveyScore: 81, residentSatisfaction: 90 };
    expect(a.cycle.cadres).toEqual([expect.objectContaining({ workerId: a.workerId, scores: sources })]);
    expect(c.cycle.cadres).toEqual([expect.objectContaining({ workerId: c.workerId, scores: sources })]);
    // Seeds' defaults: 0.4×80 + 0.2×90 + 0.2×81 + 0.2×90 = 84.2 → 良好 (good) from 80.
    expect(a.cycle.cadres[0]).toMatchObject({ composite: 84.2, result: 'good' });
    // 350111: 0.3×80 + 0.2×90 + 0.2×81 + 0.3×90 = 85.2 → 优秀 (excellent) from 85.
    expect(c.cycle.cadres[0]).toMatchObject({ composite: 85.2, result: 'excellent' });
    expect(a.cycle.cadres[0].ballots).toEqual(['basically-competent', 'excellent', 'competent', 'competent']);
  });

  it('refuses a ballot from someone not at the meeting, a survey answer off the scale, a wrong questionnaire', async () => {
    const { send } = await collect('350102', hr, 'S-CRB');
    const outsider = await send('POST', 'ballots', { voterId: 'passer-by', grade: 'excellent' });
    expect([outsider.status, outsider.body.code]).toEqual([422, 'cadre-review-cycle.voter-not-attending']);
    const offScale = await send('POST', 'household-surveys', { householdId: 'H-009', answers: [6] });
    expect(offScale.status).toBe(400);
    expect(JSON.stringify(offScale.body)).toContain('answers');
    const again = await send('POST', 'household-surveys', { householdId: 'H-001', answers: [3] });
    expect([again.status, again.body.code]).toEqual([409, 'cadre-review-cycle.household-surveyed']);
    const schema = personnel.schema;
    const stored = await personnel.db.query(`SELECT household_hash FROM ${schema}.cadre_review_household_survey`);
    expect(stored.rows.every((row: { household_hash: string }) => /^[0-9a-f]{64}$/.test(row.household_hash))).toBe(
      true,
    );
  });

  it('the street proposes, the district returns it for amendment, then approves: the result is the annual grade', async () => {
    const { cycleId, workerId, send } = await collect('350102', hr, 'S-CRD');
    const streetCommittee = principal([Roles.HrOfficer], { streetCodes: ['S-CRD'] }, 'street-committee-crd');
    const propose = () =>
      personnel.http.request<{ workflowId: string; round: number; code?: string }>(
        'POST',
        `/cadre-review-cycles/${cycleId}/proposal`,
        { as: streetCommittee },
      );
    const act = (body: object, as: Principal) =>
      personnel.http.request<{ code?: string }>('POST', `/cadre-review-cycles/${cycleId}/proposal/actions`, {
        as,
        body,
      });
    const status = async () =>
      (await personnel.http.request<Cycle & { round: number }>('GET', `/cadre-review-cycles/${cycleId}`, { as: hr }))
        .body;

    const first = await propose();
    expect(first.status).toBe(202);
    expect(first.body.round).toBe(1);
    // While proposed the evidence is frozen; the street cannot decide its own proposal.
    expect((await send('POST', 'ballots', { voterId: 'rep-1', grade: 'excellent' })).body.code).toBe(
      'cadre-review-cycle.not-collecting',
    );
    expect((await act({ kind: 'approve' }, streetCommittee)).status).toBe(403);
    const returned = await act({ kind: 'return', reason: '请补充入户调查' }, hr);
    expect(returned.status).toBe(200);
    await eventually(async () => expect((await status()).status).toBe('collecting'));

    // Amended: one more household, then proposed again and approved.
    expect((await send('POST', 'household-surveys', { householdId: 'H-003', answers: [5] })).status).toBe(201);
    const second = await propose();
    expect(second.body.round).toBe(2);
    expect((await act({ kind: 'approve' }, hr)).status).toBe(200);
    await eventually(async () => expect((await status()).status).toBe('approved'));
    await recordHistory(
      personnel.api.app.get(Client),
      cadreReviewCycleApprovalWorkflowId(cycleId, 2),
      'cadre-review-cycle-approved',
    );

    // Households [5,4], [4], [5] → 87.5, 75, 100 → 88; 0.4×80 + 0.2×90 + 0.2×88 + 0.2×90 = 85.6 → 良好.
    const review = await personnel.db.query(
      `SELECT household_survey_score, composite_tenths, result FROM ${personnel.schema}.cadre_review
        WHERE worker_id = $1 AND year = 2026`,
      [workerId],
    );
    expect(review.rows).toEqual([{ household_survey_score: 88, composite_tenths: 856, result: 'good' }]);
    const career = await personnel.http.request<{
      tracks: { trackCode: string; unmet: { rule: string; actual: unknown }[] }[];
    }>('GET', `/workers/${workerId}/career`, { as: hr });
    const grades = career.body.tracks
      .find((track) => track.trackCode === 'post')!
      .unmet.find((rule) => rule.rule === 'recent-annual-grades');
    expect(grades?.actual).toEqual([{ year: 2026, grade: 'good' }]);
  });

  it('reports residents’ satisfaction per community and street for the year', async () => {
    const satisfaction = await personnel.http.request<{
      communities: { streetCode: string; satisfactionPercent: number }[];
      streets: { streetCode: string; sampleSize: number; satisfactionPercent: number }[];
    }>('GET', '/cadre-review-cycles/satisfaction?year=2026', { as: hr });
    expect(satisfaction.status).toBe(200);
    // Each street of district 350102 collected one questionnaire of 50 residents, 30 + 15 satisfied.
    expect(satisfaction.body.streets).toEqual(
      expect.arrayContaining([
        {
          streetCode: 'S-CRA',
          sampleSize: 50,
          satisfied: 30,
          basicallySatisfied: 15,
          dissatisfied: 5,
          satisfactionPercent: 90,
        },
      ]),
    );
    expect(satisfaction.body.streets.map((street) => street.streetCode)).not.toContain('S-CRC');
    const street = principal([Roles.HrOfficer], { streetCodes: ['S-CRB'] }, 'street-crb');
    const own = await personnel.http.request<{ streets: { streetCode: string }[] }>(
      'GET',
      '/cadre-review-cycles/satisfaction?year=2026',
      { as: street },
    );
    expect(own.body.streets.map((entry) => entry.streetCode)).toEqual(['S-CRB']);
    expect((await personnel.http.request('GET', '/cadre-review-cycles/satisfaction?year=abc', { as: hr })).status).toBe(
      400,
    );
  });
});
