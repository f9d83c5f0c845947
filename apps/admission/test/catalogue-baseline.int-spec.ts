import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

/** The reform's baseline (seed 002: 106 → 34): a version marked as the pre-reform list, and later versions against it. */
describe('the catalogue baseline', () => {
  const isolation = createTestIsolation('admission-baseline');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'baseline-keeper');
  const leader = principal([Roles.DistrictLeader], {}, 'baseline-leader');
  let admission: AdmissionUnderTest;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
  });

  afterAll(async () => {
    await admission?.close();
  });

  const old = (code: string, name: string) => ({ ...catalogueItems[0], code, name });

  it('answers each version’s diff against the baseline with the reasons items left', async () => {
    expect(
      (await admission.http.request('GET', '/catalogue/versions/current/baseline-diff', { as: leader })).status,
    ).toBe(404);
    const before = [
      ...catalogueItems,
      old('OLD-01', '辖区商铺消防检查台账'),
      old('OLD-02', '居民健康档案录入'),
      old('OLD-03', '困难群众走访登记'),
    ];
    for (const items of [before, catalogueItems]) {
      await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, { items });
    }
    const none = await admission.http.request<{ code: string }>('GET', '/catalogue/versions/2/baseline-diff', {
      as: leader,
    });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('catalogue-baseline.not-found');

    expect(
      (await admission.http.request('POST', '/catalogue/baseline', { as: reviewer, body: { version: 9 } })).status,
    ).toBe(404);
    const marked = await admission.http.request<{ version: number }>('POST', '/catalogue/baseline', {
      as: reviewer,
      body: { version: 1, note: '改革前社区承接事项' },
    });
    expect(marked.status).toBe(201);
    expect(
      (await admission.http.request('POST', '/catalogue/baseline', { as: leader, body: { version: 1 } })).status,
    ).toBe(403);

    const reasons = await admission.http.request<{ recorded: number }>('POST', '/catalogue/baseline/removal-reasons', {
      as: reviewer,
      body: {
        items: [
          { code: 'OLD-01', reason: 'returned-to-department', note: '归还区消防救援大队' },
          { code: 'OLD-02', reason: 'cancelled' },
          { code: 'OLD-02', reason: 'merged', mergedInto: 'MZ-01' },
        ],
      },
    });
    expect(reasons.status).toBe(201);
    const bad = await admission.http.request<{ errors: { field: string }[] }>(
      'POST',
      '/catalogue/baseline/removal-reasons',
      { as: reviewer, body: { items: [{ code: 'OLD-03', reason: 'forgotten' }] } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['items.0.reason']);

    const diff = await admission.http.request<{
      baselineVersion: number;
      version: number;
      baselineItemCount: number;
      itemCount: number;
      keptCount: number;
      removed: { code: string; reason: string; mergedInto: string | null }[];
      added: unknown[];
    }>('GET', '/catalogue/versions/current/baseline-diff', { as: leader });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      baselineVersion: 1,
      version: 2,
      baselineItemCount: 5,
      itemCount: 2,
      keptCount: 2,
      added: [],
    });
    expect(diff.body.removed).toEqual([
      expect.objectContaining({ code: 'OLD-01', reason: 'returned-to-department' }),
      // The later reason stands.
      expect.objectContaining({ code: 'OLD-02', reason: 'merged', mergedInto: 'MZ-01' }),
      expect.objectContaining({ code: 'OLD-03', reason: 'unstated' }),
    ]);
    await expect(
      admission.db.query(`DELETE FROM ${admission.schema}.catalogue_removal_reason WHERE code = 'OLD-02'`),
    ).rejects.toThrow(/append-only/);
  });

  it('answers the reform’s headline figures from the rows they count', async () => {
    const seeded = await admission.seedOrganisation('S-HEAD', 1);
    const clerk = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'head-clerk');
    const secretary = principal([Roles.CommunitySecretary], { communityIds: seeded.communityIds }, 'head-secretary');
    const register = (count: number, status: string) =>
      Array.from({ length: count }, (_, index) => ({
        code: `QL-${status}-${index + 1}`,
        name: `权力事项${index + 1}`,
        status,
        ...(status === 'kept' ? {} : { decisionDocument: '鼓政〔2016〕12号' }),
      }));
    for (const items of [register(2, 'cancelled'), [...register(3, 'cancelled'), ...register(4, 'kept')]]) {
      // The second version replaces the first: only a department's current register counts.
      await proposeAndApprove(admission.http, `/departments/${seeded.departmentId}/power-items/proposals`, reviewer, {
        items: [...items, ...register(1, 'devolved-to-street')],
      });
    }
    expect(
      (
        await admission.http.request('POST', '/plaque-requests', {
          as: clerk,
          body: { communityId: seeded.communityIds[0], wording: '社区某某工作站' },
        })
      ).status,
    ).toBe(422);
    const reported = await admission.http.request<{ violationId: string }>(
      'POST',
      `/communities/${seeded.communityIds[0]}/refusals`,
      { as: secretary, body: { departmentId: seeded.departmentId, title: '线下台账', kind: 'ledger' } },
    );
    expect(reported.status).toBe(201);
    // v1 of admission.violation.recorded has no kind: the code in front of the reason tells consumers it was a ledger.
    const published = await admission.db.query<{ reason: string }>(
      `SELECT envelope->'payload'->>'reason' AS reason FROM ${admission.schema}.outbox_message
       WHERE event_type = 'admission.violation.recorded' AND envelope->'payload'->>'violationId' = $1`,
      [reported.body.violationId],
    );
    expect(published.rows[0].reason).toMatch(/^ledger\.refused-by-community: 线下台账/);

    const headline = await admission.http.request<Record<string, unknown>>('GET', '/reports/reform-headline', {
      as: leader,
    });
    expect(headline.status).toBe(200);
    const { rows } = await admission.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${admission.schema}.catalogue_item WHERE version = 2 AND evaluation_allowed`,
    );
    expect(headline.body).toMatchObject({
      catalogue: {
        baselineVersion: 1,
        baselineItemCount: 5,
        currentVersion: 2,
        currentItemCount: 2,
        evaluationItemsKept: rows[0].n,
      },
      powerItems: { departments: 1, kept: 4, cancelled: 3, devolved: 1 },
      beyondTasks: {
        meetingsAdmitted: 0,
        plaqueRefusals: 1,
        violationsByKind: { task: 0, meeting: 0, ledger: 1, seal: 0, plaque: 1 },
      },
    });
    const earlier = await admission.http.request<{ beyondTasks: { plaqueRefusals: number } }>(
      'GET',
      '/reports/reform-headline?from=2020-01-01&to=2020-12-31',
      { as: leader },
    );
    expect(earlier.body.beyondTasks.plaqueRefusals).toBe(0);
    expect((await admission.http.request('GET', '/reports/reform-headline?from=soon', { as: leader })).status).toBe(
      400,
    );
  });
});
