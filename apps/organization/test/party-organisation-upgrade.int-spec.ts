import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { partyOrganisationUpgradeStatus, partyOrganisationUpgradeWorkflowId } from '@jianfu/contracts/workflows';
import { Roles, workflowsPathBeside } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  serviceEnvironment,
  startServiceWithWorker,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { OrganizationModule } from '../src/app.module.js';
import { OrganizationConfig } from '../src/config.js';
import { createOrganizationWorker } from '../src/organization-worker.js';

/**
 * The approval path on real Temporal, Postgres and Kafka: the human decision arrives through the HTTP API
 * as a workflow Update, the workflow survives its worker being replaced, and a request nobody decides lapses.
 */
describe('party organisation upgrade approval', () => {
  const isolation = createTestIsolation('party-org-upgrade');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  const organisationDepartment = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  let api: ServiceWithWorker<OrganizationConfig>;

  beforeAll(async () => {
    api = await startServiceWithWorker({
      configClass: OrganizationConfig,
      environment: serviceEnvironment(isolation, 'organization'),
      module: (config) => OrganizationModule.forApi(config),
      createWorker: createOrganizationWorker,
      workflowsPath: workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    });
    const street = await api.http.request('POST', '/streets', { as: admin, body: { code: 'S-UP', name: '温泉街道' } });
    expect(street.status).toBe(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  async function community(code: string, partyMemberCount: number): Promise<string> {
    const response = await api.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code, name: `${code}社区`, streetCode: 'S-UP', partyMemberCount },
    });
    expect(response.status).toBe(201);
    return response.body.communityId;
  }

  async function requestUpgrade(communityId: string, toKind = 'committee') {
    return api.http.request<{ requestId: string; workflowId: string }>(
      'POST',
      `/communities/${communityId}/party-organisation/upgrade-requests`,
      { as: admin, body: { toKind } },
    );
  }

  function decide(requestId: string, body: object, idempotencyKey?: string) {
    return api.http.request<{ status: string }>('POST', `/party-organisation-upgrade-requests/${requestId}/actions`, {
      as: organisationDepartment,
      body,
      ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
    });
  }

  it('upgrades the organisation when the organisation department approves, and announces it', async () => {
    const communityId = await community('UP-1', 130);
    const requested = await requestUpgrade(communityId);
    expect(requested.status).toBe(202);
    const { requestId } = requested.body;

    // The request waits in the organisation department's 待办, like every other approval.
    const todo = await eventually(async () => {
      const inbox = await api.http.request<{ items: Record<string, unknown>[] }>(
        'GET',
        '/approval-inbox?view=todo&subjectType=party-organisation-upgrade',
        { as: organisationDepartment },
      );
      const item = inbox.body.items.find((candidate) => candidate.subjectId === requestId);
      expect(item).toBeDefined();
      return item!;
    });
    expect(todo).toMatchObject({
      title: 'UP-1社区 党组织升格（支部→党委）',
      stepId: 'organisation-department',
      stepName: '区委组织部审批',
      sentBy: 'org-admin-1',
      overdue: false,
      workingDaysLeft: expect.any(Number),
    });
    // Not in the requester's: an organisation admin holds no slot of the step.
    const requesterInbox = await api.http.request<{ items: { subjectId: string }[] }>(
      'GET',
      '/approval-inbox?view=todo',
      { as: admin },
    );
    expect(requesterInbox.body.items.map((item) => item.subjectId)).not.toContain(requestId);

    const decided = await decide(requestId, { action: 'approve' }, 'key-1');
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'approved',
      decision: { action: 'approve', actorId: 'zuzhibu-1' },
      duplicate: false,
      step: { stepId: 'organisation-department', status: 'approved' },
    });

    // The same decision with the same key is answered with the first result, not applied again.
    const repeated = await decide(requested.body.requestId, { action: 'approve' }, 'key-1');
    expect(repeated.status).toBe(200);
    expect(repeated.body).toMatchObject({ status: 'approved' });

    // The workflow records the decision and the upgrade right after answering.
    await eventually(async () => {
      const request = await api.http.request('GET', `/party-organisation-upgrade-requests/${requestId}`, {
        as: admin,
      });
      expect(request.body).toMatchObject({ status: 'approved', decidedBy: 'zuzhibu-1', toKind: 'committee' });
    });
    const schema = isolation.schema('organization');
    const kind = await api.db.query(`SELECT kind FROM ${schema}.party_organisation WHERE community_id = $1`, [
      communityId,
    ]);
    expect(kind.rows).toEqual([{ kind: 'committee' }]);
    const done = await api.http.request<{ items: Record<string, unknown>[] }>('GET', '/approval-inbox?view=done', {
      as: organisationDepartment,
    });
    expect(done.body.items).toContainEqual(
      expect.objectContaining({ subjectId: requestId, decision: 'approve', decidedBy: 'zuzhibu-1' }),
    );
    const audit = await api.http.request<{ items: { action: string }[] }>(
      'GET',
      `/approval-audit?subjectType=party-organisation-upgrade&subjectId=${requestId}`,
      { as: organisationDepartment },
    );
    expect(audit.body.items.map((entry) => entry.action)).toEqual(['open', 'approve']);
    const stepEvents = await api.db.query<{ event_type: string; payload: Record<string, unknown> }>(
      `SELECT event_type, envelope->'payload' AS payload FROM ${schema}.outbox_message
        WHERE message_key = $1 ORDER BY position`,
      [requested.body.workflowId],
    );
    expect(stepEvents.rows.map((row) => row.event_type)).toEqual([
      'organization.approval.step-opened',
      'organization.approval.step-decided',
    ]);
    expect(stepEvents.rows[1].payload).toMatchObject({
      service: 'organization',
      subjectType: 'party-organisation-upgrade',
      subjectId: requestId,
      submittedBy: 'org-admin-1',
      outcome: 'approved',
    });
    const events = await api.db.query<{ event_type: string }>(
      `SELECT event_type FROM ${schema}.outbox_message WHERE message_key = $1 ORDER BY position`,
      [communityId],
    );
    expect(events.rows.map((row) => row.event_type)).toEqual([
      'organization.community.created',
      'organization.party-organisation.upgraded',
    ]);
  });

  it('upgrades once the recorded membership grows, and then shows the new kind', async () => {
    const communityId = await community('UP-7', 20);
    const early = await requestUpgrade(communityId, 'general-branch');
    expect(early).toMatchObject({ status: 422, body: { code: 'party-organisation.membership-too-small' } });
    const grown = await api.http.request('PUT', `/communities/${communityId}/party-organisation/membership`, {
      as: admin,
      body: { memberCount: 58 },
    });
    expect(grown.body).toMatchObject({ kind: 'branch', justifiedKind: 'general-branch', upgradeJustified: true });

    const requested = await requestUpgrade(communityId, 'general-branch');
    expect(requested.status).toBe(202);
    // A community whose upgrade awaits a decision is not merged away under it.
    const merge = await api.http.request('POST', '/hierarchy/units/UP-7/merge', {
      as: admin,
      body: { intoCode: 'UP-1' },
    });
    expect(merge).toMatchObject({ status: 409, body: { code: 'hierarchy.upgrade-pending' } });

    expect((await decide(requested.body.requestId, { action: 'approve' })).body).toMatchObject({ status: 'approved' });
    const organisation = await eventually(async () => {
      const answer = await api.http.request<{ kind: string }>('GET', `/communities/${communityId}/party-organisation`, {
        as: organisationDepartment,
      });
      expect(answer.body.kind).toBe('general-branch');
      return answer;
    });
    expect(organisation.body).toMatchObject({
      kind: 'general-branch',
      kindLabel: '总支',
      memberCount: 58,
      upgradeJustified: false,
    });
  });

  it('refuses a second, different decision and a rejection without reason', async () => {
    const communityId = await community('UP-2', 60);
    const { body } = await requestUpgrade(communityId, 'general-branch');
    const withoutReason = await decide(body.requestId, { action: 'reject' });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    });

    expect((await decide(body.requestId, { action: 'reject', reason: '党员人数需复核' })).body).toMatchObject({
      status: 'rejected',
    });
    const second = await decide(body.requestId, { action: 'approve' }, 'another-key');
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses an upgrade the membership does not justify, and a requester deciding their own request', async () => {
    const small = await community('UP-3', 49);
    const refused = await requestUpgrade(small, 'general-branch');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'party-organisation.membership-too-small' });

    const communityId = await community('UP-4', 100);
    const { body } = await requestUpgrade(communityId);
    expect((await requestUpgrade(communityId)).status).toBe(409);
    const selfDecision = await api.http.request(
      'POST',
      `/party-organisation-upgrade-requests/${body.requestId}/actions`,
      {
        as: principal([Roles.HrOfficer, Roles.OrganizationAdmin], {}, 'org-admin-1'),
        body: { action: 'approve' },
      },
    );
    expect(selfDecision.status).toBe(403);
  });

  it('keeps a waiting approval across a worker restart, and takes a decision sent while no worker runs', async () => {
    const communityId = await community('UP-5', 101);
    const { body } = await requestUpgrade(communityId);
    const temporal = api.app.get(Client);
    const handle = temporal.workflow.getHandle(partyOrganisationUpgradeWorkflowId(body.requestId));
    await eventually(async () =>
      expect(await handle.query(partyOrganisationUpgradeStatus)).toEqual({ state: 'awaiting-decision' }),
    );

    await api.stopWorker();
    const decisionWhileDown = decide(body.requestId, { action: 'approve' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await api.startWorker();

    const decided = await decisionWhileDown;
    // The answer's body names what went wrong when it is not a 200.
    expect({ status: decided.status, body: decided.status === 200 ? 'answered' : decided.body }).toEqual({
      status: 200,
      body: 'answered',
    });
    expect(decided.body).toMatchObject({ status: 'approved' });
    expect(await handle.result()).toMatchObject({ state: 'approved' });
  });

  it('takes the approval kit’s other actions: remind, copy, transfer, and the requester’s withdrawal', async () => {
    const communityId = await community('UP-6', 55);
    const { body } = await requestUpgrade(communityId, 'general-branch');
    await eventually(async () => {
      const inbox = await api.http.request<{ items: { subjectId: string }[] }>('GET', '/approval-inbox?view=todo', {
        as: organisationDepartment,
      });
      expect(inbox.body.items.map((item) => item.subjectId)).toContain(body.requestId);
    });
    const act = (as: typeof admin, action: object) =>
      api.http.request<{ status: string; step: { status: string } }>(
        'POST',
        `/party-organisation-upgrade-requests/${body.requestId}/actions`,
        { as, body: action },
      );
    expect((await act(admin, { action: 'remind' })).status).toBe(200);
    // The requester may not decide, and a copy needs someone to copy.
    expect((await act(admin, { action: 'approve' })).status).toBe(403);
    expect((await act(organisationDepartment, { action: 'copy' })).body).toMatchObject({
      code: 'approval.target-required',
    });
    expect((await act(organisationDepartment, { action: 'copy', targetUserId: 'leader-1' })).status).toBe(200);
    const transferred = await act(organisationDepartment, { action: 'transfer', targetUserId: 'zuzhibu-2' });
    expect(transferred.status).toBe(200);
    const other = principal([Roles.HrOfficer], {}, 'zuzhibu-2');
    const otherTodo = await api.http.request<{ items: Record<string, unknown>[] }>('GET', '/approval-inbox?view=todo', {
      as: other,
    });
    expect(otherTodo.body.items).toContainEqual(
      expect.objectContaining({ subjectId: body.requestId, sentBy: 'zuzhibu-1', reminders: 1 }),
    );
    const cc = await api.http.request<{ items: Record<string, unknown>[] }>('GET', '/approval-inbox?view=cc', {
      as: principal([Roles.DistrictLeader], {}, 'leader-1'),
    });
    expect(cc.body.items).toContainEqual(expect.objectContaining({ subjectId: body.requestId, kind: 'copy' }));

    const withdrawn = await act(admin, { action: 'withdraw' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', step: { status: 'withdrawn' } });
    await eventually(async () => {
      const request = await api.http.request('GET', `/party-organisation-upgrade-requests/${body.requestId}`, {
        as: admin,
      });
      expect(request.body).toMatchObject({ status: 'withdrawn', decidedBy: 'org-admin-1' });
    });
    // A withdrawn request no longer blocks a new one.
    expect((await requestUpgrade(communityId, 'general-branch')).status).toBe(202);
    expect((await act(other, { action: 'approve' })).status).toBe(409);
  });
});
