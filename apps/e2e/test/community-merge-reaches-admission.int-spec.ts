import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdmissionConfig } from '@jianfu/admission';
import type { OrganizationConfig } from '@jianfu/organization';
import { type Principal, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  type ServiceUnderTest,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { announceBudget, publishPilotCatalogue, services } from './services-under-test.js';

/**
 * A community merged away (撤并) in organization leaves admission's community directory: it is no longer
 * listed, and admission's pre-check refuses a submission that still targets it, while the community
 * that absorbed it stays a valid target.
 */
describe('a community merge reaches admission', () => {
  const isolation = createTestIsolation('org-merge-admission');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let admission: ServiceWithWorker<AdmissionConfig>;
  let submitter: Principal;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [organization, admission] = await Promise.all([
      services.organization.start(isolation),
      services.admission.startWithWorker(isolation),
    ]);
    const street = await organization.http.request('POST', '/streets', {
      as: admin,
      body: { code: 'M-S1', name: '鼓东街道' },
    });
    expect(street.status).toBe(201);
    for (const [code, name] of [
      ['M-C1', '旧城社区'],
      ['M-C2', '新城社区'],
    ]) {
      const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code, name, streetCode: 'M-S1' },
      });
      expect(created.status).toBe(201);
      ids[code] = created.body.communityId;
    }
    const department = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'MZJ', name: '区民政局' },
    });
    expect(department.status).toBe(201);
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: department.body.departmentId }, 'mz-clerk');
    await eventually(async () => expect(await listedIds()).toEqual([ids['M-C1'], ids['M-C2']]), 40_000);

    await publishPilotCatalogue(admission.http, reviewer);
    // The pre-check needs the department's budget of the year the submissions are charged to.
    await announceBudget(
      isolation,
      admission.http,
      { departmentId: department.body.departmentId, year: 2027, approvedFen: 10_000_000 },
      reviewer,
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all([organization?.close(), admission?.close()]);
  });

  async function listedIds(): Promise<string[]> {
    const response = await admission.http.request<{ items: { communityId: string }[] }>(
      'GET',
      '/community-directory?limit=500',
      { as: reviewer },
    );
    expect(response.status).toBe(200);
    return response.body.items.map((item) => item.communityId);
  }

  interface ReviewView {
    status: string;
    precheck: { findings: { code: string; message: string }[] } | null;
  }

  async function submit(
    title: string,
    communityIds: string[],
    settled: (view: ReviewView) => boolean,
  ): Promise<ReviewView> {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: {
        title,
        description: '每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。',
        catalogueItemCode: 'MZ-01',
        target: { mode: 'communities', communityIds },
        recurrence: 'recurring',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        requiredLedgers: ['低保对象台账'],
        fundingPerCommunityFen: 300000,
        attachments: [{ name: '关于开展低保入户核查的通知.pdf', mediaType: 'application/pdf', sizeBytes: 245760 }],
      },
    });
    expect(draft.status).toBe(201);
    expect(
      (await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as: submitter })).status,
    ).toBe(202);
    return eventually(async () => {
      const response = await admission.http.request<ReviewView>('GET', `/submissions/${draft.body.id}`, {
        as: submitter,
      });
      expect(settled(response.body)).toBe(true);
      return response.body;
    }, 40_000);
  }

  it('drops the merged community from the directory and the pre-check refuses it as a target', async () => {
    const merged = await organization.http.request('POST', '/hierarchy/units/M-C1/merge', {
      as: admin,
      body: { intoCode: 'M-C2' },
    });
    expect(merged.status).toBe(200);
    await eventually(async () => expect(await listedIds()).toEqual([ids['M-C2']]), 40_000);

    const refused = await submit('撤并社区入户核查', [ids['M-C1'], ids['M-C2']], (view) => view.status === 'returned');
    const finding = refused.precheck!.findings.find((f) => f.code === 'precheck.unknown-communities');
    expect(finding?.message).toContain(ids['M-C1']);
    expect(finding?.message).not.toContain(ids['M-C2']);

    const accepted = await submit('新城社区入户核查', [ids['M-C2']], (view) => view.precheck !== null);
    expect(accepted.status).toBe('in-review');
    expect(accepted.precheck!.findings.map((f) => f.code)).not.toContain('precheck.unknown-communities');
  });
});
