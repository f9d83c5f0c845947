import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OpinionRequestClosed, type OpinionRequestClosedPayload } from '@jianfu/contracts';
import { eventually } from '@jianfu/testing';
import { hr, PersonnelUnderTest } from './support/personnel-under-test.js';

interface Career {
  tracks: { trackCode: string; next: { code: string } | null; unmet: { rule: string; message: string }[] }[];
}

/**
 * The gate of 进社区双公示: a promotion to a leadership post (街镇(区直部门)副职) is refused with the reason code
 * `opinion-request` until organization announces a closed opinion request about the worker for a promotion,
 * read from personnel's own read model fed by organization's events on Kafka.
 */
describe('promotion to a leadership post waits for a closed opinion request', () => {
  const personnel = new PersonnelUnderTest('opinion-request-gate');
  let communityId: string;
  let workerId: string;

  beforeAll(async () => {
    await personnel.start();
    communityId = await personnel.addCommunity('OG-1', 'S-OG1');
    workerId = await personnel.registerWorker(communityId, 'OG-SEC', {
      postStep: 'career-secretary',
      postSince: '2018-01-01',
    });
  });

  afterAll(() => personnel.close());

  async function postTrack() {
    const career = await personnel.http.request<Career>('GET', `/workers/${workerId}/career`, { as: hr });
    expect(career.status).toBe(200);
    return career.body.tracks.find((track) => track.trackCode === 'post')!;
  }

  function closed(
    purpose: OpinionRequestClosedPayload['purpose'],
    requestId = randomUUID(),
  ): OpinionRequestClosedPayload {
    return {
      requestId,
      districtCode: '350102',
      subjectKind: 'person',
      subjectId: workerId,
      subjectName: '工作者OG-SEC',
      purpose,
      communityIds: [communityId, randomUUID()],
      tally: { agree: 0, disagree: 1, noObjection: 1, noOpinion: 0 },
      residentObjections: 1,
      closedBy: 'zuzhibu-1',
      closedAt: new Date().toISOString(),
    };
  }

  it('refuses the promotion with the reason code until the request closes, then lifts that rule', async () => {
    const before = await postTrack();
    expect(before.next?.code).toBe('street-deputy');
    expect(before.unmet.map((rule) => rule.rule)).toContain('opinion-request');
    const refused = await personnel.http.request<{ code: string; unmet: { rule: string }[] }>(
      'POST',
      `/workers/${workerId}/promotions`,
      { as: hr, body: { trackCode: 'post', reason: '拟提拔' } },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('promotion.ineligible');
    expect(refused.body.unmet.map((rule) => rule.rule)).toContain('opinion-request');

    // A request for another purpose (an award) does not open the way to a promotion.
    const award = closed('award');
    await personnel.publish(OpinionRequestClosed, award.requestId, award);
    await eventually(async () => {
      const rows = await personnel.db.query(
        `SELECT 1 FROM ${personnel.schema}.opinion_request_outcome WHERE request_id = $1`,
        [award.requestId],
      );
      expect(rows.rowCount).toBe(1);
    });
    expect((await postTrack()).unmet.map((rule) => rule.rule)).toContain('opinion-request');

    // The promotion's request closed (one community disagreeing): the rule is met; the other rules still apply.
    const promotion = closed('promotion');
    await personnel.publish(OpinionRequestClosed, promotion.requestId, promotion);
    await personnel.publish(OpinionRequestClosed, promotion.requestId, promotion);
    await eventually(async () => {
      expect((await postTrack()).unmet.map((rule) => rule.rule)).not.toContain('opinion-request');
    });
    const rows = await personnel.db.query(
      `SELECT disagree FROM ${personnel.schema}.opinion_request_outcome WHERE request_id = $1`,
      [promotion.requestId],
    );
    expect(rows.rows).toEqual([{ disagree: 1 }]);
  });

  it('asks nothing of a promotion to a post that is not a leadership post', async () => {
    const other = await personnel.registerWorker(communityId, 'OG-WRK', { postSince: '2018-01-01' });
    const career = await personnel.http.request<Career>('GET', `/workers/${other}/career`, { as: hr });
    const post = career.body.tracks.find((track) => track.trackCode === 'post')!;
    expect(post.next?.code).toBe('community-secretary');
    expect(post.unmet.map((rule) => rule.rule)).not.toContain('opinion-request');
  });

  it('refuses an honour of a worker on a leadership post until a request for award selection closes', async () => {
    const deputy = await personnel.registerWorker(communityId, 'OG-DEP', { postStep: 'street-deputy' });
    const award = () =>
      personnel.http.request<{ code: string }>('POST', `/workers/${deputy}/honours`, {
        as: hr,
        body: { level: 'city', title: '优秀共产党员', year: 2026, conferredBy: '市委组织部' },
      });
    const refused = await award();
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('honour.opinion-request-required');
    const outcome = { ...closed('award'), subjectId: deputy };
    await personnel.publish(OpinionRequestClosed, outcome.requestId, outcome);
    await eventually(async () => {
      expect((await award()).status).toBe(201);
    });
  });
});
