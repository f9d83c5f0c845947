import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove, secondApprover } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

interface Preview {
  outcome: string;
  findings: { rule: string; code: string; severity: string }[];
}

/**
 * 权力清单 (seed 002: 区级部门行政权力事项取消65项): each department's register, versioned; work that rests on a
 * cancelled power item is refused at the pre-check.
 */
describe('the power-item register', () => {
  const isolation = createTestIsolation('admission-power-items');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'register-keeper');
  let admission: AdmissionUnderTest;
  let departmentId: string;
  let communityIds: string[];
  let submitter: ReturnType<typeof principal>;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-POWER', 1);
    departmentId = seeded.departmentId;
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'power-clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, { items: catalogueItems });
  });

  afterAll(async () => {
    await admission?.close();
  });

  const items = [
    { code: 'QL-01', name: '最低生活保障审核确认', status: 'kept' },
    { code: 'QL-02', name: '社区低保对象年度复核台账报送', status: 'cancelled', decisionDocument: '鼓政〔2016〕12号' },
    { code: 'QL-03', name: '临时救助小额审批', status: 'devolved-to-street', decisionDocument: '鼓政〔2016〕12号' },
  ];

  it('publishes a department’s register in versions and names what is wrong with one', async () => {
    const missing = await admission.http.request<{ errors: { field: string; rule: string }[] }>(
      'POST',
      `/departments/${departmentId}/power-items/proposals`,
      { as: reviewer, body: { items: [...items, { code: 'QL-02', name: '重复', status: 'cancelled' }] } },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error) => [error.field, error.rule])).toEqual([
      ['items[3].code', 'unique'],
      ['items[3].decisionDocument', 'decision-required'],
    ]);
    expect(
      (
        await admission.http.request('POST', `/departments/${randomUUID()}/power-items/proposals`, {
          as: reviewer,
          body: { items },
        })
      ).status,
    ).toBe(404);
    const proposals = `/departments/${departmentId}/power-items/proposals`;
    const proposed = await admission.http.request<{ id: string; status: string }>('POST', proposals, {
      as: reviewer,
      body: { items, note: '2016年权力清单调整' },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('proposed');
    // Proposed is not in force: no register yet, and its proposer may not publish it (四眼原则).
    const currentPath = `/departments/${departmentId}/power-items/versions/current`;
    expect((await admission.http.request('GET', currentPath, { as: submitter })).status).toBe(404);
    const own = await admission.http.request<{ code: string }>('POST', `${proposals}/${proposed.body.id}/actions`, {
      as: reviewer,
      body: { action: 'approve' },
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('version-proposal.self-approval');
    const published = await admission.http.request<{ proposal: { version: number; itemCount: number } }>(
      'POST',
      `${proposals}/${proposed.body.id}/actions`,
      { as: secondApprover(reviewer), body: { action: 'approve' } },
    );
    expect(published.status).toBe(200);
    expect(published.body.proposal).toMatchObject({ version: 1, itemCount: 3 });
    const current = await admission.http.request<{
      version: number;
      cancelledCount: number;
      items: unknown[];
      approvedBy: string;
    }>('GET', currentPath, { as: submitter });
    expect(current.body).toMatchObject({ version: 1, cancelledCount: 1, approvedBy: secondApprover(reviewer).userId });
    expect(current.body.items).toHaveLength(3);
    await expect(
      admission.db.query(`UPDATE ${admission.schema}.power_item SET status = 'kept' WHERE code = 'QL-02'`),
    ).rejects.toThrow(/never rewritten/);
  });

  it('refuses at pre-check a submission citing a cancelled power item', async () => {
    const preview = (powerItemCode: string) =>
      admission.http.request<Preview>('POST', '/submissions/pre-check-preview', {
        as: submitter,
        body: submissionBody(communityIds, { powerItemCode }),
      });
    const kept = await preview('QL-01');
    expect(kept.status).toBe(200);
    expect(kept.body.findings.filter((finding) => finding.rule === 'power-item-active')).toEqual([]);
    const cancelled = await preview('QL-02');
    expect(cancelled.body.outcome).toBe('reject');
    expect(cancelled.body.findings).toEqual([
      expect.objectContaining({ rule: 'power-item-active', code: 'precheck.power-item-cancelled', severity: 'reject' }),
    ]);
    const unknown = await preview('QL-99');
    expect(unknown.body.findings.map((finding) => finding.code)).toEqual(['precheck.power-item-unknown']);

    const draft = await admission.http.request<{ id: string; powerItemCode: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds, { title: '低保复核台账报送', powerItemCode: 'QL-02' }),
    });
    expect(draft.status).toBe(201);
    expect(draft.body.powerItemCode).toBe('QL-02');
    expect(
      (await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as: submitter })).status,
    ).toBe(202);
    const rejected = await admission.reviewReaches(draft.body.id, submitter, (s) => s.status === 'rejected');
    expect(JSON.stringify(rejected)).toContain('precheck.power-item-cancelled');
  });
});
