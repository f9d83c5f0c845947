import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DepartmentCreated } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove, secondApprover } from '@jianfu/testing';
import { serviceWindows } from '../src/catalogue/domain/catalogue-item.js';
import { demoCatalogueNote, loadDemoCatalogue, loadDemoPowerItems } from '../src/demo/demo-catalogue-loader.js';
import { demoBaselineNote, demoReformDepartments } from '../src/demo/demo-reform-baseline.js';
import { AdmissionUnderTest, catalogueItems, district } from './admission-under-test.js';

/**
 * The demo catalogue, its reform baseline and the demo departments' power-item registers publish through the real
 * API (each version by two reviewers), once; loading them again changes nothing.
 */
describe('demo admission catalogue', () => {
  const isolation = createTestIsolation('admission-demo');
  const loader = principal([Roles.AdmissionReviewer], {}, 'demo-loader');
  let admission: AdmissionUnderTest;
  let baseUrl: string;
  const tokens = async () => ({
    proposer: await admission.http.token(loader),
    approver: await admission.http.token(secondApprover(loader)),
  });

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const address = (admission.api.app.getHttpServer() as { address(): { port: number } }).address();
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await admission?.close();
  });

  it('publishes 34 items over the six service windows beside the 106-item baseline, idempotently', async () => {
    const first = await loadDemoCatalogue(baseUrl, await tokens());
    const baseline = { version: 1, items: 106 };
    expect(first).toEqual({ published: true, version: 2, items: 34, baseline: { published: true, ...baseline } });
    const again = await loadDemoCatalogue(baseUrl, await tokens());
    expect(again).toEqual({ published: false, version: 2, items: 34, baseline: { published: false, ...baseline } });

    const versions = await admission.http.request<{
      items: { version: number; note: string; itemCount: number }[];
      total: number;
    }>('GET', '/catalogue/versions', { as: loader });
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 2, note: demoCatalogueNote, itemCount: 34 }),
      expect.objectContaining({ version: 1, note: demoBaselineNote, itemCount: 106 }),
    ]);
    expect(versions.body.total).toBe(2);
    const current = await admission.http.request<{
      items: { code: string; category: string; evaluationAllowed: boolean }[];
    }>('GET', '/catalogue/versions/current', { as: loader });
    expect(new Set(current.body.items.map((item) => item.category))).toEqual(new Set(serviceWindows));
    // The Gulou reform kept a single evaluation/ranking item.
    expect(current.body.items.filter((item) => item.evaluationAllowed).map((item) => item.code)).toEqual(['DQ-04']);
  });

  it('publishes the demo list again when the current version holds something else', async () => {
    const replaced = await proposeAndApprove(admission.http, '/catalogue/proposals', loader, {
      items: catalogueItems,
      note: '另一版本',
    });
    const restored = await loadDemoCatalogue(baseUrl, await tokens());
    expect(restored).toMatchObject({ published: true, version: replaced.version + 1, items: 34 });
    expect(restored.baseline).toEqual({ published: false, version: 1, items: 106 });
  });

  it('shows seed 002’s figures: 106 → 34, 1 evaluation item, 65 power items cancelled', async () => {
    // Organization announces the demo departments; the loader waits until admission knows them.
    for (const department of demoReformDepartments) {
      const departmentId = randomUUID();
      await admission.publish(DepartmentCreated, departmentId, {
        departmentId,
        code: department.code,
        name: department.name,
        districtCode: district,
      });
    }
    const powers = await loadDemoPowerItems(baseUrl, await tokens(), { waitMillis: 40_000, pollMillis: 250 });
    expect(powers).toEqual({ published: 16, existing: 0, cancelled: 65 });
    expect(await loadDemoPowerItems(baseUrl, await tokens())).toEqual({ published: 0, existing: 16, cancelled: 65 });

    const leader = principal([Roles.DistrictLeader], {}, 'demo-leader');
    const headline = await admission.http.request<Record<string, unknown>>('GET', '/reports/reform-headline', {
      as: leader,
    });
    expect(headline.status).toBe(200);
    expect(headline.body).toMatchObject({
      catalogue: { baselineVersion: 1, baselineItemCount: 106, currentItemCount: 34, evaluationItemsKept: 1 },
      powerItems: { departments: 16, cancelled: 65, kept: 32, devolved: 0 },
    });
    const diff = await admission.http.request<{ keptCount: number; removed: { reason: string }[] }>(
      'GET',
      '/catalogue/versions/current/baseline-diff',
      { as: leader },
    );
    expect(diff.body.keptCount).toBe(34);
    expect(diff.body.removed).toHaveLength(72);
    expect(diff.body.removed.filter((item) => item.reason === 'unstated')).toEqual([]);
  });
});
