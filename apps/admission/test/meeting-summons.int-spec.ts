import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { meetingSummonsReviewWorkflowId } from '@jianfu/contracts/workflows';
import { Client } from '@temporalio/client';
import { chinaDateOf, Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, readServiceTopic } from '@jianfu/testing';
import { AdmissionUnderTest } from './admission-under-test.js';

interface Summons {
  id: string;
  status: string;
  admittedBy: string | null;
  policyVersion: number;
  overAllowance: { communityId: string; meetings: number; hours: number }[];
}

/**
 * 精简社区会议 (seed 002): a summons within the district's monthly allowance per community is admitted at once; one
 * over it waits for a reviewer on the approval kit; the allowance is the district's `meetings` policy.
 */
describe('meeting summons', () => {
  const isolation = createTestIsolation('admission-meetings');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'meeting-reviewer');
  const proposer = principal([Roles.AdmissionCommittee], {}, 'committee-m-1');
  const approver = principal([Roles.AdmissionCommittee], {}, 'committee-m-2');
  let admission: AdmissionUnderTest;
  let communityIds: string[];
  let submitter: ReturnType<typeof principal>;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-MEET', 2);
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'meeting-clerk');
  });

  afterAll(async () => {
    await admission?.close();
  });

  /**
   * With RECORD_HISTORIES=1, writes a finished review's history to test/histories/ for the replay suite
   * (task-admission-replay.int-spec.ts), as the submission review's recordings are made.
   */
  async function record(name: string, workflowId: string): Promise<void> {
    if (process.env.RECORD_HISTORIES !== '1') return;
    await admission.api.app.get(Client).workflow.getHandle(workflowId).result();
    execFileSync(process.execPath, [new URL('./record-history.ts', import.meta.url).pathname, workflowId, name], {
      env: { ...process.env, TEMPORAL_ADDRESS: admission.environment.TEMPORAL_ADDRESS },
      stdio: 'inherit',
    });
  }

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    title: '全区养老服务工作推进会',
    date: '2027-03-10',
    hours: 2,
    mode: 'on-site',
    attendeesPerCommunity: 1,
    basis: '区委办〔2027〕3号',
    communityIds,
    ...overrides,
  });

  it('admits a meeting within the allowance and reviews one over it', async () => {
    const within = await admission.http.request<Summons>('POST', '/meeting-summons', {
      as: submitter,
      body: meeting(),
    });
    expect(within.status).toBe(201);
    expect(within.body).toMatchObject({ status: 'admitted', admittedBy: 'allowance', policyVersion: 1 });
    expect(within.body.overAllowance).toEqual([]);

    // The default allowance is 2 meetings and 4 hours per community per month: 2 h + 3 h is over it.
    const over = await admission.http.request<Summons>('POST', '/meeting-summons', {
      as: submitter,
      body: meeting({ title: '专项整治部署会', date: '2027-03-20', hours: 3, communityIds: [communityIds[0]] }),
    });
    expect(over.status).toBe(201);
    expect(over.body.status).toBe('in-review');
    expect(over.body.overAllowance).toEqual([{ communityId: communityIds[0], meetings: 2, hours: 5 }]);

    // The department may not decide its own summons; a district reviewer may.
    const self = await admission.http.request<{ code: string }>('POST', `/meeting-summons/${over.body.id}/actions`, {
      as: submitter,
      body: { action: 'approve' },
    });
    expect(self.status).toBe(403);
    await eventually(async () => {
      const approved = await admission.http.request('POST', `/meeting-summons/${over.body.id}/actions`, {
        as: reviewer,
        body: { action: 'approve', comment: '确需召开' },
      });
      expect(approved.status).toBe(200);
    });
    const decided = await eventually(async () => {
      const view = await admission.http.request<Summons>('GET', `/meeting-summons/${over.body.id}`, {
        as: submitter,
      });
      expect(view.body.status).toBe('admitted');
      return view.body;
    }, 30_000);
    expect(decided.admittedBy).toBe('review');
    await record('meeting-summons-approved-in-review', meetingSummonsReviewWorkflowId(over.body.id));

    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communityIds[0]] }, 'meeting-secretary');
    const listed = await admission.http.request<{ total: number; items: { id: string }[] }>(
      'GET',
      `/communities/${communityIds[0]}/meetings`,
      { as: secretary },
    );
    expect(listed.body.total).toBe(2);
    expect(
      (await admission.http.request('GET', `/communities/${communityIds[1]}/meetings`, { as: secretary })).status,
    ).toBe(404);

    await eventually(async () => {
      const events = await readServiceTopic(isolation, 'admission');
      const admitted = events
        .filter((event) => event.type === 'admission.meeting-summons.admitted')
        .map((event) => event.payload as { summonsId: string; admittedBy: string });
      expect(admitted).toEqual([
        expect.objectContaining({ summonsId: within.body.id, admittedBy: 'allowance' }),
        expect.objectContaining({ summonsId: over.body.id, admittedBy: 'review' }),
      ]);
    });
  });

  it('takes the allowance from the district’s meetings policy and refuses a contradictory one', async () => {
    const current = await admission.http.request<{ version: number; document: Record<string, unknown> }>(
      'GET',
      '/policies/meetings',
      { as: proposer },
    );
    expect(current.body).toMatchObject({
      version: 1,
      document: { monthlyAllowancePerCommunity: { meetings: 2, hours: 4 }, reviewWorkingDays: 3 },
    });
    const today = chinaDateOf(new Date());
    const bad = await admission.http.request<{ code: string; errors: { field: string; rule: string }[] }>(
      'POST',
      '/policies/meetings/versions',
      {
        as: proposer,
        body: {
          document: { monthlyAllowancePerCommunity: { meetings: -1, hours: 4 }, reviewWorkingDays: 0 },
          effectiveFrom: today,
          reason: 'x',
        },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => [error.field, error.rule])).toEqual([
      ['monthlyAllowancePerCommunity.meetings', 'meetings-0-to-31'],
      ['reviewWorkingDays', 'deadline-1-to-60-working-days'],
    ]);
    const proposed = await admission.http.request<{ version: number }>('POST', '/policies/meetings/versions', {
      as: proposer,
      body: {
        document: { monthlyAllowancePerCommunity: { meetings: 4, hours: 10 }, reviewWorkingDays: 3 },
        effectiveFrom: today,
        reason: '区委文件: 每月会议不超过4次',
      },
    });
    expect(proposed.body.version).toBe(2);
    expect(
      (
        await admission.http.request('POST', '/policies/meetings/versions/2/actions', {
          as: approver,
          body: { kind: 'approve' },
        })
      ).status,
    ).toBe(200);
    // Community 2 has 2 hours that month: 3 more fit the new allowance of 10.
    const fits = await admission.http.request<Summons>('POST', '/meeting-summons', {
      as: submitter,
      body: meeting({ title: '安全生产会', hours: 3, communityIds: [communityIds[1]] }),
    });
    expect(fits.body).toMatchObject({ status: 'admitted', admittedBy: 'allowance', policyVersion: 2 });

    const badInput = await admission.http.request<{ errors: { field: string }[] }>('POST', '/meeting-summons', {
      as: submitter,
      body: meeting({ hours: 0, mode: 'phone' }),
    });
    expect(badInput.status).toBe(400);
    expect(badInput.body.errors.map((error) => error.field).sort()).toEqual(['hours', 'mode']);
  });
});
