import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BudgetSet, CommunityCreated, DepartmentCreated, TaskAdmitted, TaskFundsDisbursed } from '@jianfu/contracts';
import type { AdmissionConfig } from '@jianfu/admission';
import type { OrganizationConfig } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  GatewayBrowser,
  type GatewayUnderTest,
  openEventStream,
  principal,
  publishForeignEvent,
  reserveGatewayAddress,
  type ServiceWithWorker,
  startGatewayUnderTest,
  testDistrictCode,
} from '@jianfu/testing';
import { createUser, type IdentityForGateway, startIdentityForGateway } from './gateway-stack.js';
import { services } from './services-under-test.js';

interface InboxItem {
  service: string;
  subjectType: string;
  subjectId: string;
  title: string;
  stepName: string;
  deadlineAt: string | null;
  submitterId: string;
  submitterName?: string | null;
  sentByName?: string | null;
}

interface Inbox {
  items: InboxItem[];
  total: number;
  offset: number;
  limit: number;
  unavailable: string[];
}

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * The workbench and the notifications through the gateway, with real approvals: a department clerk's submission
 * waits in admission's street review and a party-organisation upgrade in organization's; one reviewer sees both in
 * one 待办 and is told of both; the clerk hears of the return live on the event stream and marks it read.
 */
describe('gateway: workbench inbox and notifications', () => {
  const isolation = createTestIsolation('gateway-workbench');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  let identity: IdentityForGateway;
  let admission: ServiceWithWorker<AdmissionConfig>;
  let organization: ServiceWithWorker<OrganizationConfig>;
  let gateway: GatewayUnderTest;
  let clerk: GatewayBrowser;
  let reviewer: GatewayBrowser;
  let colleague: GatewayBrowser;
  let clerkId: string;
  const departmentId = randomUUID();
  const communityId = randomUUID();

  beforeAll(async () => {
    const address = await reserveGatewayAddress();
    identity = await startIdentityForGateway(isolation, address);
    const extra = { OIDC_ISSUER: identity.issuer };
    [admission, organization] = await Promise.all([
      services.admission.startWithWorker(isolation, extra, identity.tokens),
      services.organization.startWithWorker(isolation, extra, identity.tokens),
    ]);
    gateway = await startGatewayUnderTest({
      isolation,
      address,
      identityIssuer: identity.issuer,
      services: { admission: admission.http.baseUrl, organization: organization.http.baseUrl },
    });

    // The department, a community and the budget, as organization and finance announce them to admission.
    await publishForeignEvent(isolation, DepartmentCreated, departmentId, {
      departmentId,
      code: 'D-MZ',
      name: '区民政局',
      districtCode: testDistrictCode,
    });
    await publishForeignEvent(isolation, CommunityCreated, communityId, {
      communityId,
      code: 'S-GW-C1',
      name: '网关第一社区',
      streetCode: 'S-GW',
      districtCode: testDistrictCode,
    });
    await publishForeignEvent(isolation, BudgetSet, departmentId, {
      departmentId,
      districtCode: testDistrictCode,
      year: 2027,
      approvedFen: 100_000_000,
      revision: 1,
      setAt: new Date().toISOString(),
    });

    const clerkUser = await createUser(isolation, identity, {
      loginName: 'li.clerk',
      displayName: '李经办',
      roles: [Roles.DepartmentSubmitter],
      scope: { departmentId },
    });
    clerkId = clerkUser.id;
    const reviewerUser = await createUser(isolation, identity, {
      loginName: 'chen.reviewer',
      displayName: '陈审核',
      roles: [Roles.AdmissionReviewer, Roles.HrOfficer],
    });
    const colleagueUser = await createUser(isolation, identity, {
      loginName: 'wu.reviewer',
      displayName: '吴审核',
      roles: [Roles.AdmissionReviewer],
    });
    clerk = new GatewayBrowser(gateway.baseUrl);
    reviewer = new GatewayBrowser(gateway.baseUrl);
    colleague = new GatewayBrowser(gateway.baseUrl);
    await clerk.signIn(clerkUser.loginName, clerkUser.password);
    await reviewer.signIn(reviewerUser.loginName, reviewerUser.password);
    await colleague.signIn(colleagueUser.loginName, colleagueUser.password);

    // Publishing needs two reviewers: one proposes the catalogue, the other approves it.
    const catalogue = await reviewer.call<{ id: string }>('POST', '/api/admission/catalogue/proposals', {
      body: {
        note: '试点清单',
        items: [
          {
            code: 'MZ-01',
            name: '最低生活保障对象入户调查',
            category: '民政事务',
            legalBasis: '《社会救助暂行办法》第十一条',
            owningDepartment: '区民政局',
            fundingStandardFen: 300000,
            allowedLedgers: ['低保对象台账'],
            evaluationAllowed: false,
          },
        ],
      },
    });
    expect(catalogue.status).toBe(201);
    const approved = await colleague.call('POST', `/api/admission/catalogue/proposals/${catalogue.body.id}/actions`, {
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);
    await eventually(async () => {
      const known = await reviewer.call('GET', `/api/admission/departments/${departmentId}/budgets/2027`);
      expect(known.status).toBe(200);
    }, 40_000);
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([admission?.close(), organization?.close()]);
    await identity?.close();
  });

  let submissionId: string;
  let upgradeRequestId: string;

  it('merges the 待办 of admission and organization into one list, naming the services that did not answer', async () => {
    const draft = await clerk.call<{ id: string }>('POST', '/api/admission/submissions', {
      body: {
        title: '低保对象季度入户核查',
        description: '每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。',
        catalogueItemCode: 'MZ-01',
        target: { mode: 'communities', communityIds: [communityId] },
        recurrence: 'recurring',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        requiredLedgers: ['低保对象台账'],
        fundingPerCommunityFen: 300000,
        attachments: [],
      },
    });
    expect(draft.status).toBe(201);
    submissionId = draft.body.id;
    expect((await clerk.call('POST', `/api/admission/submissions/${submissionId}/submit`)).status).toBe(202);

    const street = await organization.http.request('POST', '/streets', {
      as: admin,
      body: { code: 'S-UP', name: '温泉街道' },
    });
    expect(street.status).toBe(201);
    const community = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'UP-1', name: 'UP-1社区', streetCode: 'S-UP', partyMemberCount: 130 },
    });
    const upgrade = await organization.http.request<{ requestId: string }>(
      'POST',
      `/communities/${community.body.communityId}/party-organisation/upgrade-requests`,
      { as: admin, body: { toKind: 'committee' } },
    );
    expect(upgrade.status).toBe(202);
    upgradeRequestId = upgrade.body.requestId;

    const inbox = await eventually(async () => {
      const answer = await reviewer.call<Inbox>('GET', '/api/workbench/inbox?view=todo');
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((item) => item.subjectId)).toEqual(
        expect.arrayContaining([submissionId, upgradeRequestId]),
      );
      return answer.body;
    }, 60_000);
    expect(inbox.unavailable.sort()).toEqual(['finance', 'personnel']);
    expect(inbox.total).toBe(2);
    expect(inbox.items.map((item) => item.service).sort()).toEqual(['admission', 'organization']);
    // People by name, not id: the clerk who submitted, as identity knows them.
    const submitted = inbox.items.find((item) => item.subjectId === submissionId)!;
    expect(submitted).toMatchObject({ submitterId: clerkId, submitterName: '李经办', sentByName: '李经办' });
    const deadlines = inbox.items.map((item) => Date.parse(item.deadlineAt!));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));

    // Paging and search run over the merged list.
    const second = await reviewer.call<Inbox>('GET', '/api/workbench/inbox?view=todo&offset=1&limit=1');
    expect(second.body.items).toEqual([inbox.items[1]]);
    expect(second.body).toMatchObject({ total: 2, offset: 1, limit: 1 });
    const searched = await reviewer.call<Inbox>(`GET`, `/api/workbench/inbox?q=${encodeURIComponent('党组织')}`);
    expect(searched.body.items.map((item) => item.subjectId)).toEqual([upgradeRequestId]);

    // The clerk decides nothing: an empty 待办, and no done items yet.
    expect((await clerk.call<Inbox>('GET', '/api/workbench/inbox?view=todo')).body.total).toBe(0);
    const bad = await reviewer.call<{ code: string; errors: { field: string }[] }>(
      'GET',
      '/api/workbench/inbox?view=later&offset=480&limit=50',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(['offset', 'view']);
  });

  it('tells every holder of a role-held step of their new to-do, each reading it for themself', async () => {
    const todos = await eventually(async () => {
      const page = await reviewer.call<{ items: Notification[] }>('GET', '/api/notifications?unread=true');
      const links = page.body.items.filter((item) => item.kind === 'todo').map((item) => item.link);
      expect(links).toEqual(
        expect.arrayContaining([
          `/submissions/${submissionId}`,
          `/approvals/organization/party-organisation-upgrade/${upgradeRequestId}`,
        ]),
      );
      return page.body.items;
    }, 60_000);
    const admissionTodo = todos.find((item) => item.link === `/submissions/${submissionId}`)!;
    expect(admissionTodo.title).toMatch(/^待办：/);
    // The colleague holds the admission role only: told of the submission, not of the upgrade.
    const colleagueTodos = await eventually(async () => {
      const page = await colleague.call<{ items: Notification[] }>('GET', '/api/notifications');
      expect(page.body.items.map((item) => item.id)).toContain(admissionTodo.id);
      return page.body.items;
    });
    expect(colleagueTodos.map((item) => item.link)).not.toContain(
      `/approvals/organization/party-organisation-upgrade/${upgradeRequestId}`,
    );

    const read = await reviewer.call<Notification>('POST', `/api/notifications/${admissionTodo.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await reviewer.call<Notification>('POST', `/api/notifications/${admissionTodo.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const colleagueView = await colleague.call<{ items: Notification[] }>('GET', '/api/notifications?unread=true');
    expect(colleagueView.body.items.map((item) => item.id)).toContain(admissionTodo.id);
    // The clerk may not mark (or see) it.
    const foreign = await clerk.call<{ code: string }>('POST', `/api/notifications/${admissionTodo.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('notification.not-found');
  });

  it('delivers the return of the clerk’s submission live over the event stream, then marks it read', async () => {
    const stream = await openEventStream(clerk, '/api/notifications/stream');
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      await stream.next((event) => event.event === 'unread-count');

      const returned = await reviewer.call('POST', `/api/admission/submissions/${submissionId}/actions`, {
        body: { action: 'return', reason: '请补充核查标准' },
        headers: { 'idempotency-key': `return-${submissionId}` },
      });
      expect(returned.status).toBe(200);

      const pushed = await stream.next(
        (event) => event.event === 'notification' && (event.data as Notification).kind === 'decision',
        60_000,
      );
      const notification = pushed.data as Notification;
      expect(notification).toMatchObject({
        kind: 'decision',
        title: '申报被退回修改：低保对象季度入户核查',
        body: '退回原因：请补充核查标准',
        link: `/submissions/${submissionId}`,
        readAt: null,
      });
      const count = await stream.next((event) => event.event === 'unread-count');
      expect((count.data as { count: number }).count).toBeGreaterThanOrEqual(1);
      // The return also opens the amendment step, held by the clerk: its 待办 comes by another event (the step's,
      // keyed apart from the submission's), before or after the decision. Both are in before the count is read, so
      // the count moves by the read alone.
      await stream.next(
        (event) =>
          event.event === 'notification' &&
          (event.data as Notification).kind === 'todo' &&
          (event.data as Notification).link === `/submissions/${submissionId}`,
        60_000,
      );

      const before = await clerk.call<{ count: number }>('GET', '/api/notifications/unread-count');
      expect((await clerk.call('POST', `/api/notifications/${notification.id}/read`)).status).toBe(200);
      const after = await clerk.call<{ count: number }>('GET', '/api/notifications/unread-count');
      expect(after.body.count).toBe(before.body.count - 1);
      // Only the submitter was told.
      const reviewerPage = await reviewer.call<{ items: Notification[] }>('GET', '/api/notifications');
      expect(reviewerPage.body.items.map((item) => item.id)).not.toContain(notification.id);
      const stored = await admission.db.query(
        `SELECT count(*)::int AS n FROM ${isolation.schema('gateway')}.notification WHERE audience_user_id = $1`,
        [clerkId],
      );
      expect(stored.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      stream.close();
    }
  });

  it('streams an attachment upload (multipart) to the service and its download back, problems as they are', async () => {
    // A PDF of 1.5 MB: the amended submission's new evidence, uploaded while it is returned for amendment.
    const content = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(1536 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/pdf' }), '核查标准.pdf');
    const uploaded = await clerk.call<{ id: string; sizeBytes: number; sha256: string; downloadPath: string }>(
      'POST',
      `/api/admission/submissions/${submissionId}/attachments`,
      { body: form },
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.sizeBytes).toBe(content.length);
    expect(uploaded.body.sha256).toBe(createHash('sha256').update(content).digest('hex'));

    const download = await reviewer.browser.request(
      'GET',
      `${gateway.baseUrl}/api/admission${uploaded.body.downloadPath}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('核查标准.pdf')}`,
    );
    expect(Number(download.headers.get('content-length'))).toBe(content.length);

    const refused = new FormData();
    refused.append('file', new Blob([Buffer.from('MZ executable')]), 'tool.exe');
    const problem = await clerk.call<{ code: string }>(
      'POST',
      `/api/admission/submissions/${submissionId}/attachments`,
      { body: refused },
    );
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(problem.status).toBeLessThan(500);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.body.code).toBe('attachment.type-not-allowed');
  });

  it('tells the community’s secretaries that the task’s funds arrived, once however often the event comes', async () => {
    const secretaryUser = await createUser(isolation, identity, {
      loginName: 'zhao.secretary',
      displayName: '赵书记',
      roles: [Roles.CommunitySecretary],
      scope: { communityIds: [communityId] },
    });
    const secretary = new GatewayBrowser(gateway.baseUrl);
    await secretary.signIn(secretaryUser.loginName, secretaryUser.password);
    const taskId = randomUUID();
    await publishForeignEvent(isolation, TaskAdmitted, taskId, {
      taskId,
      submissionId: randomUUID(),
      title: '独居老人巡访',
      departmentId,
      districtCode: testDistrictCode,
      recurrence: 'one-off',
      periodStart: '2027-03-01',
      periodEnd: '2027-03-31',
      funding: [{ communityId, amountFen: 250_050 }],
      totalFen: 250_050,
      admittedAt: new Date().toISOString(),
    });
    const disbursed = await publishForeignEvent(isolation, TaskFundsDisbursed, taskId, {
      taskId,
      transferId: randomUUID(),
      departmentId,
      disbursements: [{ communityId, amountFen: 250_050 }],
      totalFen: 250_050,
      disbursedAt: new Date().toISOString(),
    });
    const arrived = await eventually(async () => {
      const page = await secretary.call<{ items: Notification[] }>('GET', '/api/notifications');
      const funds = page.body.items.filter((item) => item.kind === 'funds-arrived');
      expect(funds).toHaveLength(1);
      return funds[0];
    }, 60_000);
    expect(arrived).toMatchObject({
      title: '任务经费已到账：独居老人巡访',
      body: '本社区收到专款 2500.50 元。',
      link: `/community/tasks/${taskId}`,
    });
    // The same event again (a redelivery): no second notification. A marker after it on the same key (so the
    // same partition, handled in order) tells when the redelivery has been consumed.
    await publishForeignEvent(isolation, TaskFundsDisbursed, taskId, disbursed.payload, { id: disbursed.id });
    const marker = await publishForeignEvent(isolation, TaskFundsDisbursed, taskId, {
      ...disbursed.payload,
      taskId: randomUUID(),
    });
    await eventually(async () => {
      const { rows } = await admission.db.query(
        `SELECT 1 FROM ${isolation.schema('gateway')}.inbox_message WHERE event_id = $1`,
        [marker.id],
      );
      expect(rows).toHaveLength(1);
      const after = await secretary.call<{ items: Notification[] }>('GET', '/api/notifications');
      expect(after.body.items.filter((item) => item.kind === 'funds-arrived')).toHaveLength(1);
    });
    // Nobody outside the community is told.
    const clerkPage = await clerk.call<{ items: Notification[] }>('GET', '/api/notifications');
    expect(clerkPage.body.items.map((item) => item.kind)).not.toContain('funds-arrived');
  });

  it('marks everything read at once', async () => {
    const all = await reviewer.call<{ marked: number }>('POST', '/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect((await reviewer.call<{ count: number }>('GET', '/api/notifications/unread-count')).body.count).toBe(0);
    expect((await reviewer.call('POST', '/api/notifications/read-all', { csrf: false })).status).toBe(403);
  });
});
