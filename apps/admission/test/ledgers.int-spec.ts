import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

/** 精简台账 (seed 002): a ledger only as a catalogue item allows it; any other is refused and counted, once. */
describe('ledger requests', () => {
  const isolation = createTestIsolation('admission-ledgers');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'ledger-reviewer');
  let admission: AdmissionUnderTest;
  let communityIds: string[];
  let submitter: ReturnType<typeof principal>;
  let secretary: ReturnType<typeof principal>;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-LEDGER', 2);
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'ledger-clerk');
    secretary = principal([Roles.CommunitySecretary], { communityIds: [communityIds[0]] }, 'ledger-secretary');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, { items: catalogueItems });
  });

  afterAll(async () => {
    await admission?.close();
  });

  it('keeps a ledger its catalogue item allows and refuses one it does not', async () => {
    const ledger = (name: string, catalogueItemCode = 'MZ-01') => ({
      communityId: communityIds[0],
      name,
      frequency: 'monthly',
      catalogueItemCode,
    });
    const allowed = await admission.http.request<{ status: string; catalogueVersion: number }>(
      'POST',
      '/ledger-requests',
      { as: submitter, body: ledger('低保对象台账') },
    );
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({ status: 'accepted', catalogueVersion: 1 });
    // Organization counts the community's ledgers per month from this event.
    expect(await admission.outboxTypes(communityIds[0])).toContain('admission.ledger-request.accepted');

    const refused = await admission.http.request<{ code: string; violationId: string; detail: string }>(
      'POST',
      '/ledger-requests',
      { as: submitter, body: ledger('辖区商铺消防检查台账') },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ledger.not-allowed');
    expect(refused.body.detail).toContain('MZ-01');
    const again = await admission.http.request<{ violationId: string }>('POST', '/ledger-requests', {
      as: submitter,
      body: ledger('辖区商铺消防检查台账'),
    });
    expect(again.body.violationId).toBe(refused.body.violationId);
    const unknownItem = await admission.http.request<{ code: string }>('POST', '/ledger-requests', {
      as: submitter,
      body: ledger('低保对象台账', 'XX-99'),
    });
    expect(unknownItem.body.code).toBe('ledger.not-allowed');

    const violations = await admission.http.request<{ total: number; items: { code: string }[] }>(
      'GET',
      '/violations?kind=ledger',
      { as: submitter },
    );
    expect(violations.body.total).toBe(2);
    expect(violations.body.items.every((item) => item.code === 'ledger.not-allowed')).toBe(true);

    const register = await admission.http.request<{ count: number; items: { name: string }[] }>(
      'GET',
      `/communities/${communityIds[0]}/ledgers`,
      { as: secretary },
    );
    expect(register.body.count).toBe(1);
    expect(register.body.items.map((item) => item.name)).toEqual(['低保对象台账']);
    expect(
      (await admission.http.request('GET', `/communities/${communityIds[1]}/ledgers`, { as: secretary })).status,
    ).toBe(404);
    const bad = await admission.http.request<{ errors: { field: string }[] }>('POST', '/ledger-requests', {
      as: submitter,
      body: { ...ledger('x'), frequency: 'hourly' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['frequency']);
  });
});
