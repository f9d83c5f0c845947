import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HonourAwardedPayload } from '@jianfu/contracts';
import { eventually } from '@jianfu/testing';
import { hr, leader, PersonnelUnderTest } from './support/personnel-under-test.js';

/** Honours pay their award once through the outbox; the annual cadre review combines its four sources. */
describe('honours and cadre reviews', () => {
  const personnel = new PersonnelUnderTest('honours-reviews', { HONOUR_AWARD_CITY_FEN: '350000' });
  let communityId: string;

  beforeAll(async () => {
    await personnel.start();
    communityId = await personnel.addCommunity('HR-1', 'S-HR1');
  });

  afterAll(() => personnel.close());

  it('pays each honour once, at the configured amount for its level', async () => {
    const workerId = await personnel.registerWorker(communityId, 'HR-001');
    const award = (level: string, title: string) =>
      personnel.http.request<{ awardId: string; amountFen: number; code?: string }>(
        'POST',
        `/workers/${workerId}/honours`,
        { as: hr, body: { level, title, year: 2026, conferredBy: '福建省民政厅' } },
      );
    const provincial = await award('provincial', '全省优秀社区工作者');
    expect(provincial.status).toBe(201);
    expect(provincial.body.amountFen).toBe(500_000);
    const city = await award('city', '福州市优秀共产党员');
    expect(city.body.amountFen).toBe(350_000);

    const again = await award('provincial', '全省优秀社区工作者');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('honour.already-awarded');
    expect((await award('regional', '某荣誉')).status).toBe(400);

    const events = await personnel.outboxEvents<HonourAwardedPayload>('personnel.honour.awarded');
    expect(events.map((event) => [event.payload.level, event.payload.amountFen, event.payload.workerId])).toEqual([
      ['provincial', 500_000, workerId],
      ['city', 350_000, workerId],
    ]);
    await eventually(async () => {
      const sent = await personnel.db.query(
        `SELECT 1 FROM ${personnel.schema}.outbox_message WHERE event_type = 'personnel.honour.awarded' AND published_at IS NOT NULL`,
      );
      expect(sent.rowCount).toBe(2);
    });
    const record = await personnel.http.request<{ honours: { title: string }[] }>('GET', `/workers/${workerId}`, {
      as: hr,
    });
    expect(record.body.honours.map((honour) => honour.title)).toEqual(['全省优秀社区工作者', '福州市优秀共产党员']);
  });

  it('combines 述职评议, field visit, household survey and satisfaction into the annual result', async () => {
    const workerId = await personnel.registerWorker(communityId, 'HR-002');
    const vetoed = await personnel.registerWorker(communityId, 'HR-003');
    const review = (id: string, body: object) =>
      personnel.http.request<{ composite: number; result: string; code?: string }>(
        'PUT',
        `/workers/${id}/cadre-reviews/2026`,
        { as: hr, body: { fieldVisitNotes: '走访网格3个', ...body } },
      );
    const recorded = await review(workerId, {
      debriefingScore: 95,
      fieldVisitScore: 88,
      householdSurveyScore: 91,
      residentSatisfaction: 97,
    });
    expect(recorded.body).toEqual({ composite: 93.2, result: 'excellent', policyVersion: 1 });
    const veto = await review(vetoed, {
      debriefingScore: 100,
      fieldVisitScore: 100,
      householdSurveyScore: 100,
      residentSatisfaction: 50,
    });
    expect(veto.body).toEqual({ composite: 90, result: 'unqualified', policyVersion: 1 });

    const outOfRange = await review(workerId, {
      debriefingScore: 101,
      fieldVisitScore: -1,
      householdSurveyScore: 90,
      residentSatisfaction: 90,
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body).toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'debriefingScore' }),
        expect.objectContaining({ field: 'fieldVisitScore' }),
      ]),
    });
    const twice = await review(workerId, {
      debriefingScore: 60,
      fieldVisitScore: 60,
      householdSurveyScore: 60,
      residentSatisfaction: 60,
    });
    expect(twice.status).toBe(409);

    const listed = await personnel.http.request<{ items: { workerId: string; result: string }[] }>(
      'GET',
      '/cadre-reviews?year=2026',
      { as: leader },
    );
    expect(listed.body.items.map((item) => [item.workerId, item.result])).toEqual([
      [workerId, 'excellent'],
      [vetoed, 'unqualified'],
    ]);
  });
});
