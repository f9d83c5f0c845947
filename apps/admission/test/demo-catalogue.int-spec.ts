import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove, secondApprover } from '@jianfu/testing';
import { serviceWindows } from '../src/catalogue/domain/catalogue-item.js';
import { demoCatalogueNote, loadDemoCatalogue } from '../src/demo/demo-catalogue-loader.js';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

/** The demo catalogue publishes through the real catalogue API, once; loading it again changes nothing. */
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

  it('publishes 34 items over the six service windows, idempotently', async () => {
    const first = await loadDemoCatalogue(baseUrl, await tokens());
    expect(first).toEqual({ published: true, version: 1, items: 34 });
    const again = await loadDemoCatalogue(baseUrl, await tokens());
    expect(again).toEqual({ published: false, version: 1, items: 34 });

    const versions = await admission.http.request<{
      items: { version: number; note: string; itemCount: number }[];
      total: number;
    }>('GET', '/catalogue/versions', { as: loader });
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 1, note: demoCatalogueNote, itemCount: 34 }),
    ]);
    expect(versions.body.total).toBe(1);
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
    expect(restored).toEqual({ published: true, version: replaced.version + 1, items: 34 });
  });
});
