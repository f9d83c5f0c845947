import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import type pg from 'pg';
import { SecretaryAppointed } from '@jianfu/contracts';
import { partyOrganisationUpgradeWorkflowId } from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  publishForeignEvent,
  type ServiceUnderTest,
  testDatabase,
} from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/** Membership feeds the upgrade rule; personnel's SecretaryAppointed events set the secretary. */
describe('party organisation membership and secretary', () => {
  const isolation = createTestIsolation('org-secretary');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  let service: ServiceUnderTest<OrganizationConfig>;
  let db: pg.Pool;
  let communityId: string;

  beforeAll(async () => {
    service = await startOrganization(isolation);
    db = testDatabase(1);
    await service.http.request('POST', '/streets', { as: admin, body: { code: 'P-S1', name: '华大街道' } });
    const created = await service.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'P-C1', name: '北大社区', streetCode: 'P-S1', partyMemberCount: 2 },
    });
    communityId = created.body.communityId;
  });

  afterAll(async () => {
    await service?.close();
    await db?.end();
  });

  const partyOrganisation = (as = admin) =>
    service.http.request<Record<string, unknown>>('GET', `/communities/${communityId}/party-organisation`, { as });

  it('judges an upgrade on the membership recorded, under the configured thresholds', async () => {
    expect((await partyOrganisation()).body).toMatchObject({
      kind: 'branch',
      kindLabel: '支部',
      memberCount: 2,
      justifiedKind: null,
      upgradeJustified: false,
      secretary: null,
    });
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communityId] });
    const set = await service.http.request('PUT', `/communities/${communityId}/party-organisation/membership`, {
      as: secretary,
      body: { memberCount: 30 },
    });
    expect(set.status).toBe(200);
    const tooSmall = await service.http.request(
      'POST',
      `/communities/${communityId}/party-organisation/upgrade-requests`,
      {
        as: admin,
        body: { toKind: 'general-branch' },
      },
    );
    expect(tooSmall).toMatchObject({ status: 422, body: { code: 'party-organisation.membership-too-small' } });

    await service.http.request('PUT', `/communities/${communityId}/party-organisation/membership`, {
      as: admin,
      body: { memberCount: 56 },
    });
    expect((await partyOrganisation()).body).toMatchObject({ justifiedKind: 'general-branch', upgradeJustified: true });
    const requested = await service.http.request<{ requestId: string }>(
      'POST',
      `/communities/${communityId}/party-organisation/upgrade-requests`,
      { as: admin, body: { toKind: 'general-branch' } },
    );
    expect(requested.status).toBe(202);
    await service.app
      .get(Client)
      .workflow.getHandle(partyOrganisationUpgradeWorkflowId(requested.body.requestId))
      .terminate('test finished');

    const negative = await service.http.request('PUT', `/communities/${communityId}/party-organisation/membership`, {
      as: admin,
      body: { memberCount: -1 },
    });
    expect(negative.status).toBe(400);
    const stranger = principal([Roles.CommunitySecretary], { communityIds: [randomUUID()] });
    const outOfScope = await service.http.request('PUT', `/communities/${communityId}/party-organisation/membership`, {
      as: stranger,
      body: { memberCount: 99 },
    });
    expect(outOfScope.status).toBe(404);
  });

  it('records the secretary personnel appointed, keeps the latest, and announces the change once', async () => {
    const first = randomUUID();
    const second = randomUUID();
    await publishForeignEvent(isolation, SecretaryAppointed, communityId, {
      communityId,
      workerId: first,
      name: '陈丽华',
      appointedAt: '2026-03-01T00:00:00.000Z',
    });
    const latest = await publishForeignEvent(isolation, SecretaryAppointed, communityId, {
      communityId,
      workerId: second,
      name: '郑国栋',
      appointedAt: '2026-09-01T00:00:00.000Z',
    });
    // An older appointment arriving late does not replace the newer one.
    await publishForeignEvent(isolation, SecretaryAppointed, communityId, {
      communityId,
      workerId: randomUUID(),
      name: '过期任命',
      appointedAt: '2025-01-01T00:00:00.000Z',
    });
    // The same event delivered again has no second effect.
    await publishForeignEvent(isolation, SecretaryAppointed, communityId, latest.payload, { id: latest.id });

    await eventually(async () =>
      expect((await partyOrganisation()).body).toMatchObject({
        secretary: { workerId: second, name: '郑国栋', appointedAt: '2026-09-01T00:00:00.000Z' },
      }),
    );
    const changes = await eventually(async () => {
      const inbox = await db.query(
        `SELECT count(*)::int AS n FROM ${isolation.schema('organization')}.inbox_message WHERE event_type = $1`,
        ['personnel.secretary.appointed'],
      );
      expect(inbox.rows[0]).toEqual({ n: 3 });
      const rows = await db.query<{ envelope: { payload: Record<string, unknown> } }>(
        `SELECT envelope FROM ${isolation.schema('organization')}.outbox_message WHERE event_type = $1 ORDER BY position`,
        ['organization.party-organisation.secretary-changed'],
      );
      return rows.rows.map((row) => row.envelope.payload);
    });
    expect(changes).toEqual([
      { communityId, workerId: first, name: '陈丽华', appointedAt: '2026-03-01T00:00:00.000Z' },
      {
        communityId,
        workerId: second,
        name: '郑国栋',
        previousWorkerId: first,
        appointedAt: '2026-09-01T00:00:00.000Z',
      },
    ]);
  });

  it('reports party organisations by kind per street, with the upgrade awaiting decision, within the scope', async () => {
    await service.http.request('POST', '/streets', { as: admin, body: { code: 'P-S2', name: '南门街道' } });
    const other = await service.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'P-C2', name: '南门社区', streetCode: 'P-S2', partyMemberCount: 12 },
    });
    expect(other.status).toBe(201);
    const leader = principal([Roles.DistrictLeader]);
    type Report = {
      totals: {
        communities: number;
        members: number;
        byKind: Record<string, number>;
        upgradesAwaitingDecision: number;
      };
      communities: {
        code: string;
        kind: string;
        kindLabel: string;
        memberCount: number;
        secretaryName: string | null;
      }[];
    };
    const all = await service.http.request<Report>('GET', '/reports/party-organisations', { as: leader });
    expect(all.status).toBe(200);
    expect(all.body.totals).toEqual({
      communities: 2,
      members: 56 + 12,
      byKind: { branch: 2, 'general-branch': 0, committee: 0 },
      // The first test's request stays awaiting decision (its workflow was terminated, not decided).
      upgradesAwaitingDecision: 1,
    });
    expect(all.body.communities).toMatchObject([
      { code: 'P-C1', kind: 'branch', kindLabel: '支部', memberCount: 56, secretaryName: '郑国栋' },
      { code: 'P-C2', kind: 'branch', memberCount: 12, secretaryName: null },
    ]);

    const street = await service.http.request<Report>('GET', '/reports/party-organisations?streetCode=P-S2', {
      as: leader,
    });
    expect(street.body.totals).toMatchObject({ communities: 1, members: 12, upgradesAwaitingDecision: 0 });
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communityId] });
    const own = await service.http.request<Report>('GET', '/reports/party-organisations', { as: secretary });
    expect(own.body.communities.map((row) => row.code)).toEqual(['P-C1']);
    const bad = await service.http.request<{ code: string; errors: { field: string }[] }>(
      'GET',
      '/reports/party-organisations?streetCode=no%20spaces',
      { as: leader },
    );
    expect(bad).toMatchObject({ status: 400, body: { code: 'request.invalid', errors: [{ field: 'streetCode' }] } });
  });
});
