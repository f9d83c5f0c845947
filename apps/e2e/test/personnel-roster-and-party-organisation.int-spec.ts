import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CommunityRenamed,
  type EventEnvelope,
  PartyOrganisationUpgraded,
  type PartyOrganisationUpgradedPayload,
  WorkerHired,
  WorkerPromoted,
  type WorkerPromotedPayload,
} from '@jianfu/contracts';
import type { OrganizationConfig } from '@jianfu/organization';
import type { PersonnelConfig } from '@jianfu/personnel';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  ForeignEventPublisher,
  principal,
  readServiceTopic,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

interface Roster {
  partyOrganisation: { kind: string; secretaryPost: string } | null;
  secretary: { workerId: string; name: string } | null;
  workers: {
    workerId: string;
    name: string | null;
    hiredAt: string | null;
    secretary: boolean;
    steps: { trackCode: string; stepCode: string; stepName: string; since: string }[];
  }[];
}

interface PartyOrganisationView {
  kind: string;
  kindName: string;
  secretaryPost: string;
}

/**
 * Personnel's hires and promotions keep organization's roster of a community (who its secretary and workers
 * are), and organization's approved party-organisation upgrade reaches personnel, whose records then name
 * the secretary's post after the new kind (党委书记). Both through the real Kafka topics; redelivered and
 * re-announced events change nothing.
 */
describe('the community roster and the party organisation kind cross services', () => {
  const isolation = createTestIsolation('roster-e2e');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const hr = principal([Roles.HrOfficer], {}, 'hr-1');
  const approver = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  const streetCommittee = principal([Roles.HrOfficer], { streetCodes: ['S-RO'] }, 'street-1');
  let organization: ServiceWithWorker<OrganizationConfig>;
  let personnel: ServiceWithWorker<PersonnelConfig>;
  let publisher: ForeignEventPublisher;
  let communityId: string;
  let secretaryId: string;

  function roster(as = admin) {
    return organization.http.request<Roster>('GET', `/communities/${communityId}/roster`, { as });
  }

  async function directoryName(): Promise<string | undefined> {
    const directory = await personnel.http.request<{ items: { communityId: string; name: string }[] }>(
      'GET',
      '/community-directory',
      { as: hr },
    );
    return directory.body.items.find((item) => item.communityId === communityId)?.name;
  }

  beforeAll(async () => {
    [organization, personnel] = await Promise.all([
      services.organization.startWithWorker(isolation),
      services.personnel.startWithWorker(isolation),
    ]);
    publisher = await ForeignEventPublisher.connect(isolation);
    expect(
      (await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-RO', name: '西街街道' } }))
        .status,
    ).toBe(201);
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'RO-1', name: '西门社区', streetCode: 'S-RO', partyMemberCount: 40 },
    });
    expect(created.status).toBe(201);
    communityId = created.body.communityId;
    await eventually(async () => expect(await directoryName()).toBe('西门社区'), 40_000);
  }, 180_000);

  afterAll(async () => {
    await publisher?.close();
    await Promise.all([organization?.close(), personnel?.close()]);
  });

  it('puts a worker promoted to 社区书记 on the roster as the community’s secretary', async () => {
    const registered = await personnel.http.request<{ workerId: string }>('POST', '/workers', {
      as: hr,
      body: {
        employeeNo: 'RO-SEC',
        name: '林书记',
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
    expect(registered.status).toBe(201);
    secretaryId = registered.body.workerId;
    const worker = await personnel.http.request<{ partyOrganisation: PartyOrganisationView }>(
      'GET',
      `/workers/${secretaryId}`,
      { as: hr },
    );
    expect(worker.body.partyOrganisation).toMatchObject({ kind: 'branch', secretaryPost: '支部书记' });

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
    const requested = await personnel.http.request<{ requestId: string }>(
      'POST',
      `/workers/${secretaryId}/promotions`,
      { as: hr, body: { trackCode: 'post', reason: '推荐为社区书记人选' } },
    );
    expect(requested.status).toBe(202);
    const act = (as: typeof hr) =>
      personnel.http.request('POST', `/promotion-requests/${requested.body.requestId}/actions`, {
        as,
        body: { kind: 'approve' },
      });
    expect((await act(streetCommittee)).status).toBe(200);
    await eventually(async () => expect((await act(approver)).status).toBe(200));

    const body = await eventually(async () => {
      const response = await roster();
      expect(response.status).toBe(200);
      expect(response.body.secretary).toMatchObject({ workerId: secretaryId, name: '林书记' });
      expect(response.body.workers).toHaveLength(1);
      return response.body;
    }, 40_000);
    expect(body.partyOrganisation).toEqual({ kind: 'branch', secretaryPost: '支部书记' });
    expect(body.workers[0]).toMatchObject({
      workerId: secretaryId,
      name: '林书记',
      secretary: true,
      steps: [{ trackCode: 'post', stepCode: 'community-secretary', stepName: '社区书记', since: expect.any(String) }],
    });
  });

  it('adds hired workers, and has no second effect from redelivered or re-announced hires and promotions', async () => {
    const hiredId = randomUUID();
    const hire = await publisher.publish(WorkerHired, hiredId, {
      workerId: hiredId,
      postingId: randomUUID(),
      applicationId: randomUUID(),
      communityId,
      name: '陈新',
      hiredAt: '2026-09-01T01:00:00.000Z',
    });
    const promoted = (await readServiceTopic(isolation, 'personnel')).find(
      (event) => event.type === 'personnel.worker.promoted',
    ) as EventEnvelope<WorkerPromotedPayload>;
    expect(promoted.payload).toMatchObject({ workerId: secretaryId, name: '林书记' });
    const before = (await roster()).body;

    await publisher.send(hire);
    await publisher.publish(WorkerHired, hiredId, { ...hire.payload });
    await publisher.send(promoted);
    await publisher.publish(WorkerPromoted, secretaryId, {
      ...promoted.payload,
    });
    // An older promotion arriving late: the roster keeps the newer step.
    await publisher.publish(WorkerPromoted, secretaryId, {
      ...promoted.payload,
      requestId: randomUUID(),
      toStep: 'community-worker',
      toStepName: '社区工作者',
      promotedAt: '2019-01-01T00:00:00.000Z',
    });
    // One sentinel per key (partition): once each is on the roster, every copy before it has been handled.
    const sentinels = [randomUUID(), randomUUID()];
    for (const [key, workerId] of [
      [hiredId, sentinels[0]],
      [secretaryId, sentinels[1]],
    ]) {
      await publisher.publish(WorkerHired, key, {
        workerId,
        postingId: randomUUID(),
        applicationId: randomUUID(),
        communityId,
        name: `哨兵${workerId.slice(0, 4)}`,
        hiredAt: '2026-10-01T01:00:00.000Z',
      });
    }
    const after = await eventually(async () => {
      const response = await roster();
      expect(response.body.workers.map((worker) => worker.workerId)).toEqual(
        expect.arrayContaining([hiredId, ...sentinels]),
      );
      return response.body;
    }, 40_000);
    expect(after.workers).toHaveLength(4);
    expect(after.workers.find((worker) => worker.workerId === hiredId)).toEqual({
      workerId: hiredId,
      name: '陈新',
      hiredAt: '2026-09-01T01:00:00.000Z',
      secretary: false,
      steps: [],
    });
    expect(after.workers.find((worker) => worker.workerId === secretaryId)).toEqual(
      before.workers.find((worker) => worker.workerId === secretaryId),
    );
  });

  it('names the secretary’s post after an approved upgrade in personnel, once, whatever is redelivered', async () => {
    expect(
      (
        await organization.http.request('PUT', `/communities/${communityId}/party-organisation/membership`, {
          as: admin,
          body: { memberCount: 120 },
        })
      ).status,
    ).toBe(200);
    const requested = await organization.http.request<{ requestId: string }>(
      'POST',
      `/communities/${communityId}/party-organisation/upgrade-requests`,
      { as: admin, body: { toKind: 'committee' } },
    );
    expect(requested.status).toBe(202);
    const decided = await organization.http.request(
      'POST',
      `/party-organisation-upgrade-requests/${requested.body.requestId}/actions`,
      { as: approver, body: { action: 'approve' } },
    );
    expect(decided.status).toBe(200);

    await eventually(async () => {
      const worker = await personnel.http.request<{ partyOrganisation: PartyOrganisationView }>(
        'GET',
        `/workers/${secretaryId}`,
        { as: hr },
      );
      expect(worker.body.partyOrganisation).toMatchObject({
        kind: 'committee',
        kindName: '党委',
        secretaryPost: '党委书记',
      });
    }, 40_000);
    const career = await personnel.http.request<{ secretaryPost: string | null }>(
      'GET',
      `/workers/${secretaryId}/career`,
      { as: hr },
    );
    expect(career.body.secretaryPost).toBe('党委书记');
    expect((await roster()).body.partyOrganisation).toEqual({ kind: 'committee', secretaryPost: '党委书记' });

    const upgraded = (await readServiceTopic(isolation, 'organization')).filter(
      (event) => event.type === 'organization.party-organisation.upgraded',
    ) as EventEnvelope<PartyOrganisationUpgradedPayload>[];
    expect(upgraded).toHaveLength(1);
    await publisher.send(upgraded[0]);
    await publisher.publish(PartyOrganisationUpgraded, communityId, { ...upgraded[0].payload });
    // A lesser upgrade announced late (支部 → 总支) never takes the organisation down.
    await publisher.publish(PartyOrganisationUpgraded, communityId, {
      ...upgraded[0].payload,
      requestId: randomUUID(),
      fromKind: 'branch',
      toKind: 'general-branch',
      memberCount: 60,
    });
    // Same key, so the same partition: once the rename shows, every copy before it has been handled.
    await publisher.publish(CommunityRenamed, communityId, {
      communityId,
      code: 'RO-1',
      name: '西门新社区',
      streetCode: 'S-RO',
      districtCode: '350102',
      previousName: '西门社区',
    });
    await eventually(async () => expect(await directoryName()).toBe('西门新社区'), 40_000);
    const worker = await personnel.http.request<{ partyOrganisation: PartyOrganisationView }>(
      'GET',
      `/workers/${secretaryId}`,
      { as: hr },
    );
    expect(worker.body.partyOrganisation).toMatchObject({ kind: 'committee', secretaryPost: '党委书记' });
  });
});
