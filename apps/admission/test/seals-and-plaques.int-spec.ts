import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, readServiceTopic } from '@jianfu/testing';
import { AdmissionUnderTest } from './admission-under-test.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Demands beyond tasks, gated like tasks (seed 002): seals only for matters on the 盖章证明事项清单, no plaque
 * beyond the three, and a secretary's report of any kind of demand; each refusal one violation.
 */
describe('seal and plaque requests', () => {
  const isolation = createTestIsolation('admission-seals');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'seal-list-keeper');
  const leader = principal([Roles.DistrictLeader], {}, 'leader');
  let admission: AdmissionUnderTest;
  let departmentId: string;
  let communityIds: string[];
  let submitter: ReturnType<typeof principal>;
  let secretary: ReturnType<typeof principal>;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-SEAL', 2);
    departmentId = seeded.departmentId;
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'seal-clerk');
    secretary = principal([Roles.CommunitySecretary], { communityIds: [communityIds[0]] }, 'seal-secretary');
  });

  afterAll(async () => {
    await admission?.close();
  });

  async function violations(kind: string) {
    const page = await admission.http.request<{ total: number; items: { code: string; kind: string }[] }>(
      'GET',
      `/violations?kind=${kind}`,
      { as: leader },
    );
    expect(page.status).toBe(200);
    return page.body;
  }

  it('refuses every seal before the district publishes its list, then only matters outside it', async () => {
    const early = await admission.http.request<{ code: string }>('POST', '/seal-requests', {
      as: submitter,
      body: { communityId: communityIds[0], matterCode: 'ZM-01', requestedFor: '张某', documentSha256: sha('早') },
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('seal.matter-not-listed');

    const duplicate = await admission.http.request<{ errors: { field: string; rule: string }[] }>(
      'POST',
      '/seal-matters/versions',
      {
        as: reviewer,
        body: {
          items: [
            { code: 'ZM-01', name: '居住证明', basis: '《居住证暂行条例》' },
            { code: 'ZM-01', name: '又一项', basis: 'x' },
          ],
        },
      },
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'items[1].code', rule: 'unique' })]);
    expect(
      (
        await admission.http.request('POST', '/seal-matters/versions', {
          as: submitter,
          body: { items: [{ code: 'ZM-01', name: '居住证明', basis: 'x' }] },
        })
      ).status,
    ).toBe(403);

    const published = await admission.http.request<{ version: number; itemCount: number }>(
      'POST',
      '/seal-matters/versions',
      {
        as: reviewer,
        body: {
          items: [
            { code: 'ZM-01', name: '居民居住证明（本社区实际居住）', basis: '《居住证暂行条例》第九条' },
            { code: 'ZM-02', name: '社区内亲属关系证明', basis: '民政部门规定' },
          ],
          note: '2026年版',
        },
      },
    );
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 1, itemCount: 2 });
    const current = await admission.http.request<{ version: number; items: { code: string }[] }>(
      'GET',
      '/seal-matters/versions/current',
      { as: secretary },
    );
    expect(current.body.version).toBe(1);
    expect(current.body.items.map((item) => item.code)).toEqual(['ZM-01', 'ZM-02']);
    expect((await admission.http.request('GET', '/seal-matters/versions/7', { as: secretary })).status).toBe(404);
    await expect(
      admission.db.query(`UPDATE ${admission.schema}.seal_matter SET name = 'x' WHERE version = 1`),
    ).rejects.toThrow(/never rewritten/);

    const accepted = await admission.http.request<{ requestId: string; status: string; listVersion: number }>(
      'POST',
      '/seal-requests',
      {
        as: submitter,
        body: { communityId: communityIds[0], matterCode: 'ZM-01', requestedFor: '张某', documentSha256: sha('居住') },
      },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'accepted', listVersion: 1, matterCode: 'ZM-01' });

    const outside = {
      communityId: communityIds[0],
      matterCode: 'QY-09',
      requestedFor: '某商贸公司',
      documentSha256: sha('经营场所证明'),
    };
    const refused = await admission.http.request<{ code: string; detail: string; violationId: string }>(
      'POST',
      '/seal-requests',
      { as: submitter, body: outside },
    );
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('seal.matter-not-listed');
    expect(refused.body.detail).toContain('QY-09');
    // Asking again for the same document is the same demand: one violation.
    const again = await admission.http.request<{ violationId: string }>('POST', '/seal-requests', {
      as: submitter,
      body: outside,
    });
    expect(again.status).toBe(422);
    expect(again.body.violationId).toBe(refused.body.violationId);

    const seals = await violations('seal');
    expect(seals.total).toBe(2);
    expect(seals.items.every((item) => item.code === 'seal.matter-not-listed')).toBe(true);

    // Bad input names the field.
    const bad = await admission.http.request<{ errors: { field: string }[] }>('POST', '/seal-requests', {
      as: submitter,
      body: { ...outside, documentSha256: 'not-a-hash' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['documentSha256']);
    expect(
      (
        await admission.http.request('POST', '/seal-requests', {
          as: submitter,
          body: { ...outside, communityId: departmentId },
        })
      ).status,
    ).toBe(404);

    await eventually(async () => {
      const events = await readServiceTopic(isolation, 'admission');
      const sealed = events.filter((event) => event.type === 'admission.seal-request.accepted');
      expect(sealed.map((event) => (event.payload as { requestId: string }).requestId)).toEqual([
        accepted.body.requestId,
      ]);
      const recorded = events.filter(
        (event) =>
          event.type === 'admission.violation.recorded' &&
          (event.payload as { reason: string }).reason.startsWith('seal.matter-not-listed'),
      );
      expect(recorded).toHaveLength(2);
    });
  });

  it('keeps every community at its three plaques and refuses a fourth once', async () => {
    const inventory = await admission.http.request<{ limit: number; plaques: { wording: string }[] }>(
      'GET',
      `/communities/${communityIds[0]}/plaques`,
      { as: secretary },
    );
    expect(inventory.status).toBe(200);
    expect(inventory.body.limit).toBe(3);
    expect(inventory.body.plaques.map((plaque) => plaque.wording)).toEqual([
      '社区党组织',
      '社区居民委员会',
      '社区工作服务站',
    ]);
    // A secretary sees only its own community's plaques.
    expect(
      (await admission.http.request('GET', `/communities/${communityIds[1]}/plaques`, { as: secretary })).status,
    ).toBe(404);

    const standard = await admission.http.request<{ status: string }>('POST', '/plaque-requests', {
      as: submitter,
      body: { communityId: communityIds[0], wording: '社区居民委员会' },
    });
    expect(standard.status).toBe(200);
    expect(standard.body.status).toBe('already-hung');

    const fourth = { communityId: communityIds[0], wording: '社区网格化服务管理工作站' };
    const refused = await admission.http.request<{ code: string; violationId: string }>('POST', '/plaque-requests', {
      as: submitter,
      body: fourth,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('plaque.limit-reached');
    const again = await admission.http.request<{ violationId: string }>('POST', '/plaque-requests', {
      as: submitter,
      body: fourth,
    });
    expect(again.body.violationId).toBe(refused.body.violationId);

    const plaques = await violations('plaque');
    expect(plaques.total).toBe(1);
    expect(plaques.items[0].code).toBe('plaque.limit-reached');
    const after = await admission.http.request<{ refusedRequests: number; plaques: unknown[] }>(
      'GET',
      `/communities/${communityIds[0]}/plaques`,
      { as: leader },
    );
    expect(after.body).toMatchObject({ refusedRequests: 1 });
    expect(after.body.plaques).toHaveLength(3);
  });

  it('lets a secretary record any kind of demand that arrived outside the platform', async () => {
    for (const kind of ['meeting', 'ledger', 'seal', 'plaque']) {
      const refused = await admission.http.request<{ kind: string }>(
        'POST',
        `/communities/${communityIds[0]}/refusals`,
        { as: secretary, body: { departmentId, title: `线下${kind}`, kind, reason: '未经准入' } },
      );
      expect(refused.status).toBe(201);
      expect(refused.body.kind).toBe(kind);
    }
    const task = await admission.http.request<{ kind: string }>('POST', `/communities/${communityIds[0]}/refusals`, {
      as: secretary,
      body: { departmentId, title: '未准入的任务' },
    });
    expect(task.body.kind).toBe('task');
    expect((await violations('meeting')).total).toBe(1);
    expect((await violations('seal')).total).toBe(3);
    const bad = await admission.http.request<{ errors: { field: string }[] }>(
      'POST',
      `/communities/${communityIds[0]}/refusals`,
      { as: secretary, body: { departmentId, title: 'x', kind: 'banner' } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['kind']);
    expect((await admission.http.request('GET', '/violations?kind=banner', { as: leader })).status).toBe(400);
  });
});
