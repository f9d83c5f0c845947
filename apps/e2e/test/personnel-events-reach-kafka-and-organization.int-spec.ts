import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventEnvelope, type MonthlyGradesFinalisedPayload } from '@jianfu/contracts';
import type { OrganizationConfig } from '@jianfu/organization';
import type { PersonnelConfig } from '@jianfu/personnel';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  type ServiceUnderTest,
  type ServiceWithWorker,
  readServiceTopic,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * Personnel among the other services, on the real servers: a community created in organization reaches
 * personnel; a month's grades approved while personnel's worker is restarted reach Kafka exactly once
 * with their bonuses (what finance pays); an honour's award likewise; and a worker promoted to 社区书记
 * becomes the secretary on organization's party organisation.
 */
describe('personnel events reach Kafka and organization', () => {
  const isolation = createTestIsolation('personnel-e2e');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const hr = principal([Roles.HrOfficer], {}, 'hr-1');
  const approver = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  const streetCommittee = principal([Roles.HrOfficer], { streetCodes: ['S-PE'] }, 'street-1');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let personnel: ServiceWithWorker<PersonnelConfig>;
  let communityId: string;

  beforeAll(async () => {
    [organization, personnel] = await Promise.all([
      services.organization.start(isolation),
      services.personnel.startWithWorker(isolation),
    ]);
    expect(
      (await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-PE', name: '东街街道' } }))
        .status,
    ).toBe(201);
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'PE-1', name: '东门社区', streetCode: 'S-PE', partyMemberCount: 40 },
    });
    expect(created.status).toBe(201);
    communityId = created.body.communityId;
    await eventually(async () => {
      const directory = await personnel.http.request<{ items: { communityId: string }[] }>(
        'GET',
        '/community-directory',
        {
          as: hr,
        },
      );
      expect(directory.body.items.map((item) => item.communityId)).toContain(communityId);
    }, 30_000);
  });

  afterAll(async () => {
    await Promise.all([organization?.close(), personnel?.close()]);
  });

  /** Every event on personnel's topic, read to its current end. */
  function personnelTopic(): Promise<EventEnvelope[]> {
    return readServiceTopic(isolation, 'personnel');
  }

  async function registerWorker(employeeNo: string): Promise<string> {
    const response = await personnel.http.request<{ workerId: string }>('POST', '/workers', {
      as: hr,
      body: {
        employeeNo,
        name: `工作者${employeeNo}`,
        communityId,
        postStep: 'community-worker',
        postSince: '2018-07-01',
        titleStep: 'untitled',
        titleSince: '2018-07-01',
        education: 'bachelor',
        partyMember: true,
        hireDate: '2018-07-01',
        reason: '建档',
      },
    });
    expect(response.status).toBe(201);
    return response.body.workerId;
  }

  it('publishes a month’s grades with their bonuses to Kafka once, across a worker restart', async () => {
    const workers = [];
    for (let i = 1; i <= 5; i++) workers.push(await registerWorker(`PE-${i}`));
    const opened = await personnel.http.request<{ cycleId: string }>('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'monthly', period: '2026-11', communityId },
    });
    const { cycleId } = opened.body;
    const grades = ['excellent', 'good', 'good', 'qualified', 'unqualified'];
    await personnel.http.request('PUT', `/assessment-cycles/${cycleId}/grades`, {
      as: hr,
      body: { grades: workers.map((workerId, index) => ({ workerId, grade: grades[index] })) },
    });
    expect((await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr })).status).toBe(
      202,
    );

    await personnel.stopWorker();
    const approval = personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing/actions`, {
      as: approver,
      body: { kind: 'approve' },
      headers: { 'idempotency-key': `close-${cycleId}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await personnel.startWorker();
    expect((await approval).status).toBe(200);

    const finalised = await eventually(async () => {
      const events = (await personnelTopic()).filter(
        (event) => event.type === 'personnel.monthly-grades.finalised',
      ) as EventEnvelope<MonthlyGradesFinalisedPayload>[];
      expect(events).toHaveLength(1);
      return events[0];
    }, 30_000);
    expect(finalised.payload).toMatchObject({
      cycleId,
      communityId,
      month: '2026-11',
      totalBonusFen: 130_000 + 110_000 * 2 + 90_000,
    });
    expect(finalised.payload.grades).toHaveLength(5);
  });

  it('announces an honour’s award once, and a new 社区书记 to organization', async () => {
    const workerId = await registerWorker('PE-SEC');
    const award = () =>
      personnel.http.request('POST', `/workers/${workerId}/honours`, {
        as: hr,
        body: { level: 'national', title: '全国优秀党务工作者', year: 2026, conferredBy: '中共中央' },
      });
    expect((await award()).status).toBe(201);
    expect((await award()).status).toBe(409);

    // This district needs no recent annual grades for 社区书记 (a per-district rule).
    const rule = await personnel.http.request('PUT', '/career-tracks/post/steps/community-secretary/rule', {
      as: hr,
      body: {
        minYearsInRank: 3,
        recentAnnualGrades: 0,
        recentAnnualMinGrade: 'good',
        requiredCertificates: [],
        minEducation: 'junior-college',
        requiresPartyMember: true,
        limitedByPlaces: false,
      },
    });
    expect(rule.status).toBe(200);
    const requested = await personnel.http.request<{ requestId: string }>('POST', `/workers/${workerId}/promotions`, {
      as: hr,
      body: { trackCode: 'post', reason: '推荐为社区书记人选' },
    });
    expect(requested.status).toBe(202);
    const act = (as: typeof hr) =>
      personnel.http.request('POST', `/promotion-requests/${requested.body.requestId}/actions`, {
        as,
        body: { kind: 'approve' },
      });
    expect((await act(streetCommittee)).status).toBe(200);
    await eventually(async () => expect((await act(approver)).status).toBe(200));

    await eventually(async () => {
      const organisation = await organization.http.request<{ secretary?: { workerId: string; name: string } }>(
        'GET',
        `/communities/${communityId}/party-organisation`,
        { as: admin },
      );
      expect(organisation.body.secretary).toMatchObject({ workerId, name: '工作者PE-SEC' });
    }, 30_000);
    const events = await personnelTopic();
    expect(events.filter((event) => event.type === 'personnel.honour.awarded')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'personnel.worker.promoted')).toHaveLength(1);
  });
});
