import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { opinionRequestWorkflowId } from '@jianfu/contracts/workflows';
import type { OrganizationConfig } from '@jianfu/organization';
import type { PersonnelConfig } from '@jianfu/personnel';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  eventually,
  principal,
  type ServiceUnderTest,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * 进社区双公示 across services (seed 002: 机关在职党员…评选先进时，必须在挂钩社区公示，征求社区党组织意见): an agency
 * member (personnel's worker on a leadership post) linked to a community in organization; organization asks that
 * community; its secretary answers and the 待办 item is done at once; the window passes (organization's worker on the
 * time-skipping server); the requester closes it, and personnel, told by organization's event on Kafka, lets the
 * honour pass the gate it refused before with the reason code.
 */
describe('a community’s say on an agency member’s honour crosses organization and personnel', () => {
  const isolation = createTestIsolation('community-say-e2e');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const zuzhibu = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  let env: TestWorkflowEnvironment;
  let organization: ServiceWithWorker<OrganizationConfig>;
  let personnel: ServiceUnderTest<PersonnelConfig>;
  let communityId: string;
  let departmentId: string;
  const secretary = () => principal([Roles.CommunitySecretary], { communityIds: [communityId] }, 'secretary-say');

  beforeAll(async () => {
    const path = currentInfrastructure().temporalTestServerPath;
    if (!path) throw new Error('No time-skipping test server: JIANFU_TEST_TEMPORAL_TEST_SERVER is not set');
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    // Personnel's gate and its read model of closed requests live in its API process (no workflow here). Both talk
    // to the one time-skipping server: a process registers the workflow search attributes on the first server only.
    const temporal = { TEMPORAL_ADDRESS: env.address };
    [organization, personnel] = await Promise.all([
      services.organization.startWithWorker(isolation, temporal),
      services.personnel.start(isolation, temporal),
    ]);
    expect(
      (await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-SAY', name: '南街街道' } }))
        .status,
    ).toBe(201);
    const community = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'SAY-1', name: '南门社区', streetCode: 'S-SAY', partyMemberCount: 60 },
    });
    expect(community.status).toBe(201);
    communityId = community.body.communityId;
    const department = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'SAY-MZJ', name: '区民政局' },
    });
    expect(department.status).toBe(201);
    departmentId = department.body.departmentId;
  }, 180_000);

  afterAll(async () => {
    await Promise.all([organization?.close(), personnel?.close()]);
    await env?.teardown();
  });

  async function inboxHas(view: 'todo' | 'done', requestId: string): Promise<boolean> {
    const inbox = await organization.http.request<{ items: { subjectId: string }[] }>(
      'GET',
      `/approval-inbox?view=${view}&subjectType=opinion-request`,
      { as: secretary() },
    );
    expect(inbox.status).toBe(200);
    return inbox.body.items.some((item) => item.subjectId === requestId);
  }

  it('refuses the honour with the reason code until the request about the member closes, then awards it', async () => {
    // The agency member: a worker on a leadership post (街镇(区直部门)副职), once personnel knows the community.
    const registered = await eventually(async () => {
      const response = await personnel.http.request<{ workerId: string }>('POST', '/workers', {
        as: zuzhibu,
        body: {
          employeeNo: 'SAY-DEP',
          name: '周航',
          communityId,
          postStep: 'street-deputy',
          postSince: '2022-03-01',
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
    }, 40_000);
    const linked = await organization.http.request('POST', '/linked-members', {
      as: zuzhibu,
      body: { personId: registered, personName: '周航', departmentId, communityId, linkedSince: '2024-01-01' },
    });
    expect(linked.status).toBe(201);

    const honour = () =>
      personnel.http.request<{ code: string }>('POST', `/workers/${registered}/honours`, {
        as: zuzhibu,
        body: { level: 'city', title: '优秀共产党员', year: 2026, conferredBy: '市委组织部' },
      });
    const refusedFirst = await honour();
    expect(refusedFirst.status).toBe(422);
    expect(refusedFirst.body.code).toBe('honour.opinion-request-required');

    const requested = await organization.http.request<{ requestId: string }>('POST', '/opinion-requests', {
      as: zuzhibu,
      body: {
        subjectKind: 'person',
        subjectId: registered,
        subjectName: '周航',
        purpose: 'award',
        publicityText: '拟推荐周航同志为优秀共产党员，现在挂钩社区予以公示，征求社区党组织意见。',
        windowWorkingDays: 3,
        communityIds: [communityId],
      },
    });
    expect(requested.status).toBe(202);
    const { requestId } = requested.body;

    // The community's party organisation answers: its 待办 item is done at once, while the window still runs.
    await eventually(async () => expect(await inboxHas('todo', requestId)).toBe(true));
    const answered = await organization.http.request('POST', `/opinion-requests/${requestId}/answers`, {
      as: secretary(),
      body: { communityId, answer: 'agree' },
    });
    expect(answered.status).toBe(201);
    expect(await inboxHas('todo', requestId)).toBe(false);
    expect(await inboxHas('done', requestId)).toBe(true);
    expect((await honour()).body.code).toBe('honour.opinion-request-required');

    // The window passes (time skipped), the requester closes the request: the honour passes its gate.
    expect(await env.client.workflow.getHandle(opinionRequestWorkflowId(requestId)).result()).toBe('window-closed');
    const stillOpen = await honour();
    expect(stillOpen.status).toBe(422);
    expect(stillOpen.body.code).toBe('honour.opinion-request-required');
    const closed = await organization.http.request<{ status: string }>('POST', `/opinion-requests/${requestId}/close`, {
      as: zuzhibu,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    await eventually(async () => expect((await honour()).status).toBe(201), 40_000);
  });
});
