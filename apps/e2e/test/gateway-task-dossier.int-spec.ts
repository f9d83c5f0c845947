import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommunityCreated, DepartmentCreated } from '@jianfu/contracts';
import type { AdmissionConfig } from '@jianfu/admission';
import type { FinanceConfig } from '@jianfu/finance';
import { type Principal, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  GatewayBrowser,
  type GatewayUnderTest,
  principal,
  publishForeignEvent,
  reserveGatewayAddress,
  type ServiceWithWorker,
  startGatewayUnderTest,
  testDistrictCode,
} from '@jianfu/testing';
import { createUser, type IdentityForGateway, startIdentityForGateway } from './gateway-stack.js';
import { publishPilotCatalogue, services } from './services-under-test.js';

interface Section<T> {
  state: 'shown' | 'hidden' | 'unavailable';
  data?: T;
  status?: number;
  service?: string;
}

interface Dossier {
  taskId: string | null;
  submissionId: string | null;
  submission: Section<{ title: string; status: string; catalogueItem: { code: string } | null }>;
  history: Section<{ rounds: unknown[]; audit: { action: string }[] }>;
  transfer: Section<{ status: string }>;
  money: Section<{ promisedFen: number; disbursedFen: number; spentFen: number }>;
  violations: Section<unknown[]>;
  communities: {
    communityId: string;
    money: { promisedFen: number; disbursedFen: number; spentFen: number; balanceFen: number } | null;
    postings: Section<{ balanceFen: number; postings: { items: { transferId: string; amountFen: number }[] } }>;
    dispatch: Section<{ status: string; dispatchedAt: string | null } | null>;
    people: Section<unknown>;
  }[];
  unavailable: string[];
}

/**
 * The task dossier through the gateway: a task submitted, reviewed, consulted, admitted, funded by finance and
 * spent from, then read as the finance officer and as the admission reviewer. Each part comes from its service
 * with the user's own token, so each sees what that service shows them; the services not running (organization,
 * personnel) are named, and the rest of the dossier still shows.
 */
describe('gateway: the task dossier', () => {
  const isolation = createTestIsolation('gateway-dossier');
  const reviewerToken = principal([Roles.AdmissionReviewer], {}, 'dossier-reviewer-api');
  const committee = principal([Roles.AdmissionCommittee], {}, 'dossier-committee');
  const financeToken = principal([Roles.FinanceOfficer], {}, 'dossier-finance-api');
  const departmentId = randomUUID();
  const communityIds = [randomUUID(), randomUUID()];
  const secretary = (communityId: string): Principal =>
    principal([Roles.CommunitySecretary], { communityIds: [communityId] }, `dossier-sec-${communityId.slice(0, 6)}`);
  let identity: IdentityForGateway;
  let admission: ServiceWithWorker<AdmissionConfig>;
  let finance: ServiceWithWorker<FinanceConfig>;
  let gateway: GatewayUnderTest;
  let officer: GatewayBrowser;
  let reviewer: GatewayBrowser;
  let submissionId: string;
  let taskId: string;

  beforeAll(async () => {
    const address = await reserveGatewayAddress();
    identity = await startIdentityForGateway(isolation, address);
    const extra = { OIDC_ISSUER: identity.issuer };
    [admission, finance] = await Promise.all([
      services.admission.startWithWorker(isolation, extra, identity.tokens),
      services.finance.startWithWorker(isolation, extra, identity.tokens),
    ]);
    gateway = await startGatewayUnderTest({
      isolation,
      address,
      identityIssuer: identity.issuer,
      services: { admission: admission.http.baseUrl, finance: finance.http.baseUrl },
    });
    // Organization's announcements, as admission and finance hear them.
    await publishForeignEvent(isolation, DepartmentCreated, departmentId, {
      departmentId,
      code: 'D-WJ',
      name: '区卫健局',
      districtCode: testDistrictCode,
    });
    for (const [index, communityId] of communityIds.entries()) {
      await publishForeignEvent(isolation, CommunityCreated, communityId, {
        communityId,
        code: `S-DS-C${index + 1}`,
        name: `档案第${index + 1}社区`,
        streetCode: 'S-DS',
        districtCode: testDistrictCode,
      });
    }
    await eventually(async () => {
      for (const service of [admission, finance]) {
        const directory = await service.http.request<{ total: number }>('GET', '/community-directory', {
          as: financeToken,
        });
        expect(directory.body.total).toBe(2);
      }
    }, 60_000);
    await publishPilotCatalogue(admission.http, reviewerToken);
    const budget = await finance.http.request('PUT', `/departments/${departmentId}/budgets/2027`, {
      as: financeToken,
      body: { approvedFen: 10_000_000 },
    });
    expect(budget.status).toBe(200);
    await eventually(async () => {
      const known = await admission.http.request('GET', `/departments/${departmentId}/budgets/2027`, {
        as: reviewerToken,
      });
      expect(known.status).toBe(200);
    }, 60_000);

    const clerkUser = await createUser(isolation, identity, {
      loginName: 'dossier.clerk',
      displayName: '卫健经办',
      roles: [Roles.DepartmentSubmitter],
      scope: { departmentId },
    });
    const officerUser = await createUser(isolation, identity, {
      loginName: 'dossier.finance',
      displayName: '财政经办',
      roles: [Roles.FinanceOfficer],
    });
    const reviewerUser = await createUser(isolation, identity, {
      loginName: 'dossier.reviewer',
      displayName: '准入审核',
      roles: [Roles.AdmissionReviewer],
    });
    const clerk = new GatewayBrowser(gateway.baseUrl);
    officer = new GatewayBrowser(gateway.baseUrl);
    reviewer = new GatewayBrowser(gateway.baseUrl);
    await clerk.signIn(clerkUser.loginName, clerkUser.password);
    await officer.signIn(officerUser.loginName, officerUser.password);
    await reviewer.signIn(reviewerUser.loginName, reviewerUser.password);

    // The task through the real review, finance's transfer and a community's spending.
    const draft = await clerk.call<{ id: string }>('POST', '/api/admission/submissions', {
      body: {
        title: '家庭医生签约入户随访',
        description: '对辖区签约家庭开展一次入户随访，更新健康档案。',
        catalogueItemCode: 'MZ-01',
        target: { mode: 'communities', communityIds },
        recurrence: 'one-off',
        periodStart: '2027-04-01',
        periodEnd: '2027-06-30',
        requiredLedgers: ['低保对象台账'],
        fundingPerCommunityFen: 300_000,
        attachments: [],
      },
    });
    expect(draft.status).toBe(201);
    submissionId = draft.body.id;
    expect((await clerk.call('POST', `/api/admission/submissions/${submissionId}/submit`)).status).toBe(202);
    const reaches = (predicate: (view: { status: string; review: { status: string } | null }) => boolean) =>
      eventually(async () => {
        const view = await admission.http.request<{
          status: string;
          review: { status: string } | null;
          task: { taskId: string } | null;
        }>('GET', `/submissions/${submissionId}`, { as: reviewerToken });
        expect(predicate(view.body)).toBe(true);
        return view.body;
      }, 60_000);
    const act = (as: Principal, body: object) =>
      admission.http.request('POST', `/submissions/${submissionId}/actions`, { as, body });
    await reaches((view) => view.review?.status === 'street-review');
    expect((await act(reviewerToken, { action: 'approve' })).status).toBe(200);
    await reaches((view) => view.review?.status === 'consultation');
    for (const communityId of communityIds) {
      expect((await act(secretary(communityId), { action: 'approve', comment: '同意' })).status).toBe(200);
    }
    await reaches((view) => view.review?.status === 'committee');
    expect((await act(committee, { action: 'approve' })).status).toBe(200);
    taskId = (await reaches((view) => view.status === 'admitted')).task!.taskId;
    const transferIs = (status: string) =>
      eventually(async () => {
        const transfer = await finance.http.request<{ status: string }>('GET', `/task-fund-transfers/${taskId}`, {
          as: financeToken,
        });
        expect(transfer.body.status).toBe(status);
      }, 60_000);
    await transferIs('awaiting-decision');
    const approved = await finance.http.request('POST', `/task-fund-transfers/${taskId}/actions`, {
      as: financeToken,
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);
    await transferIs('disbursed');
    const spent = await finance.http.request('POST', `/communities/${communityIds[0]}/spending`, {
      as: secretary(communityIds[0]),
      body: { fund: 'task', taskId, amountFen: 40_000, purpose: '随访记录表印制' },
    });
    expect(spent.status).toBe(201);
    // Admission dispatches the task once finance reports the money paid.
    await eventually(async () => {
      const tasks = await admission.http.request<{ items: { taskId: string; status: string }[] }>(
        'GET',
        `/communities/${communityIds[0]}/tasks`,
        { as: secretary(communityIds[0]) },
      );
      expect(tasks.body.items.find((task) => task.taskId === taskId)?.status).toBe('dispatched');
    }, 60_000);
  }, 240_000);

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([admission?.close(), finance?.close()]);
    await identity?.close();
  });

  it('shows the finance officer the submission, its review, the transfer and each community’s postings as the ledger has them', async () => {
    const answer = await officer.call<Dossier>('GET', `/api/dossiers/submissions/${submissionId}`);
    expect(answer.status).toBe(200);
    const dossier = answer.body;
    expect(dossier).toMatchObject({
      taskId,
      submissionId,
      submission: { state: 'shown', data: { title: '家庭医生签约入户随访', status: 'admitted' } },
      transfer: { state: 'shown', data: { status: 'disbursed' } },
      money: { state: 'shown', data: { promisedFen: 600_000, disbursedFen: 600_000, spentFen: 40_000 } },
    });
    expect(dossier.submission.data?.catalogueItem?.code).toBe('MZ-01');
    expect(dossier.history.state).toBe('shown');
    expect(dossier.communities.map((c) => c.communityId).sort()).toEqual([...communityIds].sort());
    for (const community of dossier.communities) {
      // The same postings and balance as finance's own ledger answers the officer.
      const ledger = await finance.http.request<{ balanceFen: number; postings: { items: unknown[] } }>(
        'GET',
        `/ledger/accounts/${encodeURIComponent(`community:${community.communityId}:task:${taskId}`)}?limit=100`,
        { as: financeToken },
      );
      expect(community.postings).toEqual({ state: 'shown', data: ledger.body });
      expect(community.money?.balanceFen).toBe(ledger.body.balanceFen);
      // Community task lists are not the finance officer's to read: admission refuses, the dossier says so.
      expect(community.dispatch).toMatchObject({ state: 'hidden', status: 403 });
      expect(community.people).toEqual({ state: 'unavailable', service: 'personnel' });
    }
    const first = dossier.communities.find((c) => c.communityId === communityIds[0])!;
    expect(first.money).toEqual({ promisedFen: 300_000, disbursedFen: 300_000, spentFen: 40_000, balanceFen: 260_000 });
    expect(first.postings.data?.postings.items.map((posting) => posting.amountFen)).toEqual([300_000, -40_000]);
    expect(dossier.unavailable.sort()).toEqual(['organization', 'personnel']);
  });

  it('shows the reviewer dispatch per community but not the ledger, and finds the dossier by task too', async () => {
    const answer = await reviewer.call<Dossier>('GET', `/api/dossiers/tasks/${taskId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      taskId,
      submissionId,
      transfer: { state: 'shown' },
      history: { state: 'shown' },
    });
    expect(answer.body.history.data?.audit.length).toBeGreaterThan(0);
    for (const community of answer.body.communities) {
      expect(community.dispatch).toMatchObject({ state: 'shown', data: { status: 'dispatched' } });
      expect(community.postings).toMatchObject({ state: 'hidden', status: 403 });
    }
    expect(answer.body.violations).toEqual({ state: 'shown', data: [] });

    const unknown = await reviewer.call<{ code: string }>('GET', `/api/dossiers/tasks/${randomUUID()}`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'dossier.not-found' } });
    expect((await reviewer.call('GET', '/api/dossiers/submissions/not-a-uuid')).status).toBe(400);
    expect((await new GatewayBrowser(gateway.baseUrl).call('GET', `/api/dossiers/tasks/${taskId}`)).status).toBe(401);
  });
});
