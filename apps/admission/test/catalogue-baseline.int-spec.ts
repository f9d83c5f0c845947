import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal } from '@jianfu/testing';
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
      expect(
        (await admission.http.request('POST', '/catalogue/versions', { as: reviewer, body: { items } })).status,
      ).toBe(201);
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
});
