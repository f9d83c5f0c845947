import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import type { Page } from 'playwright-core';
import {
  type ConsoleStack,
  type ConsoleUser,
  createUser,
  expectAccessible,
  noteTroubles,
  reloadUntilVisible,
  screenshot,
  shows,
  signIn,
  startConsoleStack,
} from './console-stack.js';
import { financeJourney } from './journeys/finance.journey.js';
import { organisationJourney } from './journeys/organisation.journey.js';
import { peopleJourney } from './journeys/people.journey.js';

/**
 * The console in a real browser against the real platform: a department clerk's task goes through street review,
 * the communities' consultation (answered from a phone-sized screen), the committee and finance (one officer's
 * drawer and the task's dossier, left open, follow a colleague's decision without a reload), reaches the
 * communities' lists and is marked done; a returned submission is amended and resubmitted; a community refuses work
 * that was never admitted. Each main page is saved as a zh-CN screenshot and checked with axe-core.
 */
describe('the console, end to end in chromium', () => {
  const isolation = createTestIsolation('console-browser');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  const reviewerToken = principal([Roles.AdmissionReviewer], {}, 'catalogue-keeper');
  const financeToken = principal([Roles.FinanceOfficer], {}, 'budget-keeper');
  const phone = { width: 390, height: 844 };
  let stack: ConsoleStack;
  let departmentId: string;
  const communities: { id: string; name: string }[] = [];
  let clerk: ConsoleUser;
  let reviewer: ConsoleUser;
  let committee: ConsoleUser;
  let financeOfficer: ConsoleUser;
  let financeColleague: ConsoleUser;
  const secretaries: ConsoleUser[] = [];

  beforeAll(async () => {
    stack = await startConsoleStack(isolation);
    const street = await stack.organization.http.request('POST', '/streets', {
      as: admin,
      body: { code: 'S-GD', name: '鼓东街道' },
    });
    expect(street.status).toBe(201);
    for (const [index, name] of ['三坊七巷社区', '南街社区'].entries()) {
      const created = await stack.organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code: `S-GD-C${index + 1}`, name, streetCode: 'S-GD', partyMemberCount: 40 },
      });
      expect(created.status).toBe(201);
      communities.push({ id: created.body.communityId, name });
    }
    const department = await stack.organization.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'MZJ', name: '区民政局' },
    });
    expect(department.status).toBe(201);
    departmentId = department.body.departmentId;
    await eventually(async () => {
      for (const service of [stack.admission, stack.finance]) {
        const directory = await service.http.request<{ total: number }>('GET', '/community-directory', {
          as: financeToken,
        });
        expect(directory.body.total).toBe(2);
      }
    }, 60_000);
    await proposeAndApprove(stack.admission.http, '/catalogue/proposals', reviewerToken, {
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
    });
    const budget = await stack.finance.http.request('PUT', `/departments/${departmentId}/budgets/2027`, {
      as: financeToken,
      body: { approvedFen: 5_000_000, reason: '2027 年部门预算' },
    });
    expect(budget.status).toBe(200);
    await eventually(async () => {
      const known = await stack.admission.http.request('GET', `/departments/${departmentId}/budgets/2027`, {
        as: reviewerToken,
      });
      expect(known.status).toBe(200);
    }, 60_000);

    clerk = await createUser(stack, {
      loginName: 'mz-clerk',
      displayName: '民政局经办人',
      roles: [Roles.DepartmentSubmitter],
      scope: { departmentId },
    });
    reviewer = await createUser(stack, {
      loginName: 'mz-reviewer',
      displayName: '区民政审核人',
      roles: [Roles.AdmissionReviewer],
    });
    committee = await createUser(stack, {
      loginName: 'committee',
      displayName: '审核委员会委员',
      roles: [Roles.AdmissionCommittee],
    });
    financeOfficer = await createUser(stack, {
      loginName: 'caizheng',
      displayName: '财政局经办人',
      roles: [Roles.FinanceOfficer],
    });
    financeColleague = await createUser(stack, {
      loginName: 'caizheng-fuhe',
      displayName: '财政局复核人',
      roles: [Roles.FinanceOfficer],
    });
    for (const [index, community] of communities.entries()) {
      secretaries.push(
        await createUser(stack, {
          loginName: `secretary-${index + 1}`,
          displayName: `${community.name}书记`,
          roles: [Roles.CommunitySecretary],
          scope: { communityIds: [community.id] },
        }),
      );
    }
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  /**
   * Picks an option of a select by searching, as a user does: a click on the select's box opens its dropdown, the
   * search is typed once the dropdown shows, and the option is clicked once the search has filtered it in. (A click
   * on the label alone does not reliably open a multiple select whose tags were just re-rendered.)
   */
  async function pick(page: Page, label: string, search: string, option: string): Promise<void> {
    const input = page.getByLabel(label, { exact: true });
    const box = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await box.click();
    await dropdown.first().waitFor({ timeout: 10_000 });
    await input.pressSequentially(search);
    await dropdown.getByText(option).first().click();
    await page.keyboard.press('Escape');
    await dropdown.first().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  async function typeDate(page: Page, label: string, date: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(date);
    await page.keyboard.press('Tab');
  }

  /** The clerk drafts and submits a task from the form; answers the submission's id. */
  async function submitTask(page: Page, title: string, fundingYuan: string): Promise<string> {
    await page.goto(`${stack.gateway.baseUrl}/submissions/new`);
    await page.getByLabel('事项名称').fill(title);
    await page.getByLabel('事项内容').fill('每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。');
    await pick(page, '准入清单事项', 'MZ-01', '最低生活保障对象入户调查');
    await expect(page.getByTestId('catalogue-standard').textContent()).resolves.toContain('3,000');
    for (const community of communities) await pick(page, '社区', community.name, community.name);
    await page.getByLabel('常态化').check();
    await typeDate(page, '实施期间（起）', '2027-01-01');
    await typeDate(page, '实施期间（止）', '2027-12-31');
    await page.getByLabel('每个社区经费（元）').fill(fundingYuan);
    // A real file: uploading it saves the draft first, then the service sniffs and stores it.
    await page.locator('input[type=file]').setInputFiles({
      name: '入户核查表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    });
    await shows(page, page.getByRole('link', { name: '入户核查表.pdf' }));
    await page.getByRole('button', { name: '预检' }).click();
    await page.getByTestId('precheck-preview').waitFor();
    await screenshot(page, 'submission-form');
    await expectAccessible(page);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    return page.url().split('/').pop()!;
  }

  /** Opens the item in the 工作台 and takes an action from the drawer. */
  async function actFromInbox(
    page: Page,
    title: string,
    action: string,
    fields: Record<string, string> = {},
  ): Promise<void> {
    await page.goto(`${stack.gateway.baseUrl}/`);
    await reloadUntilVisible(page, title);
    await page.getByText(title).first().click();
    await page.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog').last();
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已办理').first().waitFor({ timeout: 30_000 });
  }

  it('takes a task from the clerk through review, consultation, committee and finance to done', async () => {
    const title = '低保对象季度入户核查';
    const clerkPage = await signIn(stack, clerk, '/submissions/new');
    const submissionId = await submitTask(clerkPage, title, '3000');
    // The open page follows the review (reads that wait for a change): the street step appears without a reload.
    await clerkPage.getByText('街道/民政审核').first().waitFor({ timeout: 45_000 });
    await screenshot(clerkPage, 'submission-detail');
    // The clerk also leaves the task's dossier open in a second tab: it follows the review, then the transfer
    // finance opens after the admission, without a reload (the mark would be gone after one).
    const clerkDossier = await clerkPage.context().newPage();
    noteTroubles(clerkDossier);
    await clerkDossier.goto(`${stack.gateway.baseUrl}/dossiers/submissions/${submissionId}`);
    await shows(clerkDossier, clerkDossier.getByTestId('dossier'));
    expect(await clerkDossier.getByTestId('dossier-transfer-status').count()).toBe(0);
    await clerkDossier.evaluate('window.leftOpen = true');

    const reviewerPage = await signIn(stack, reviewer);
    await reloadUntilVisible(reviewerPage, title);
    await screenshot(reviewerPage, 'workbench-todo');
    await expectAccessible(reviewerPage);
    await reviewerPage.getByText(title).first().click();
    await reviewerPage.getByText('经费与标准').waitFor();
    await reviewerPage.getByRole('link', { name: '入户核查表.pdf' }).waitFor();
    await screenshot(reviewerPage, 'review-drawer');
    await reviewerPage.keyboard.press('Escape');
    await actFromInbox(reviewerPage, title, '同意', { 意见: '材料齐全，同意' });
    await shows(clerkDossier, clerkDossier.getByText('材料齐全，同意').first(), 45_000);

    for (const secretary of secretaries) {
      const secretaryPage = await signIn(stack, secretary, '/', phone);
      if (secretary === secretaries[0]) {
        await reloadUntilVisible(secretaryPage, title);
        await screenshot(secretaryPage, 'secretary-workbench-390');
        await expectAccessible(secretaryPage);
      }
      await actFromInbox(secretaryPage, title, '同意承接', { 意见: '社区有能力承接' });
      await secretaryPage.context().close();
    }

    const committeePage = await signIn(stack, committee);
    await actFromInbox(committeePage, title, '同意');
    const clerkDossierTransfer = clerkDossier.getByTestId('dossier-transfer-status');
    await shows(clerkDossier, clerkDossierTransfer.getByText('待审批', { exact: true }), 45_000);
    await screenshot(clerkDossier, 'dossier-followed');
    await expect(clerkDossier.evaluate<boolean>('window.leftOpen === true')).resolves.toBe(true);
    expect(await clerkDossier.getByText('暂时无法访问').count()).toBe(0);
    // What the clerk may not see of the communities (their dispatch and people) is said once, not in every row.
    await expect(clerkDossier.getByTestId('dossier-refused-columns').innerText()).resolves.toBe(
      '派发、经办人员情况您无权查看，未列出。',
    );
    expect(await clerkDossier.getByText('您无权查看此部分').count()).toBe(0);
    await clerkDossier.close();

    const financePage = await signIn(stack, financeOfficer);
    await reloadUntilVisible(financePage, '任务经费拨付');
    // Each read of the transfer the officer's page makes: whether it names what the page holds and waits for a change.
    const transferReads: boolean[] = [];
    financePage.on('request', (request) => {
      if (request.method() !== 'GET' || !request.url().includes('/api/finance/task-fund-transfers/')) return;
      const headers = request.headers();
      transferReads.push(!!headers['if-none-match'] && headers['prefer'] === 'wait=20');
    });
    await financePage.getByText('任务经费拨付').first().click();
    await financePage.getByTestId('budget-after').waitFor();
    const transferStatus = financePage.getByTestId('transfer-status');
    await expect(transferStatus.innerText()).resolves.toBe('待审批');
    await screenshot(financePage, 'finance-transfer');
    // The officer leaves the drawer open and opens the task's dossier in a second tab; a mark in each page would
    // be gone after a reload.
    const dossierLink = await financePage.locator('.ant-drawer').getByTestId('dossier-link').getAttribute('href');
    const dossierPage = await financePage.context().newPage();
    noteTroubles(dossierPage);
    await dossierPage.goto(`${stack.gateway.baseUrl}${dossierLink}`);
    const dossierStatus = dossierPage.getByTestId('dossier-transfer-status');
    await shows(dossierPage, dossierStatus);
    await expect(dossierStatus.innerText()).resolves.toBe('待审批');
    for (const page of [financePage, dossierPage]) await page.evaluate('window.leftOpen = true');

    // A colleague approves the transfer from their own 工作台: both open views follow it to the payment.
    const colleaguePage = await signIn(stack, financeColleague);
    await actFromInbox(colleaguePage, title, '同意');
    await colleaguePage.context().close();
    await shows(financePage, transferStatus.getByText('已拨付', { exact: true }), 45_000);
    // The decision shows at once; the decider's name follows from the gateway's user directory, a read of its own.
    const decision = financePage.getByTestId('transfer-decision');
    await shows(financePage, decision.filter({ hasText: '财政局复核人' }));
    await expect(decision.innerText()).resolves.toBe('同意 · 财政局复核人');
    // The decisions left the drawer with the transfer: nothing is offered that the service would now refuse.
    await shows(financePage, financePage.getByTestId('inbox-moved-on'));
    expect(await financePage.locator('.ant-drawer-footer').getByRole('button').count()).toBe(0);
    await screenshot(financePage, 'finance-transfer-followed');
    await shows(dossierPage, dossierStatus.getByText('已拨付', { exact: true }), 45_000);
    for (const page of [financePage, dossierPage]) {
      await expect(page.evaluate<boolean>('window.leftOpen === true')).resolves.toBe(true);
      expect(await page.getByText('暂时无法访问').count()).toBe(0);
    }
    // The drawer read the transfer once, for its query; following it started from that answer, every read held.
    expect(transferReads.filter((held) => !held)).toHaveLength(1);
    expect(transferReads.filter((held) => held).length).toBeGreaterThanOrEqual(1);
    await dossierPage.close();

    const secretaryPage = await signIn(stack, secretaries[0], '/community/tasks', phone);
    await reloadUntilVisible(secretaryPage, title);
    await screenshot(secretaryPage, 'community-tasks-390');
    await expectAccessible(secretaryPage);
    await secretaryPage.getByRole('button', { name: '标记完成' }).first().click();
    await secretaryPage.getByRole('button', { name: /确\s*定/ }).click();
    await secretaryPage.getByText('已完成').first().waitFor({ timeout: 30_000 });
    expect(await secretaryPage.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // The clerk's page has followed the review all along, its reads held past the gateway's upstream timeout (10 s
    // here) without one of them counted as the service failing.
    expect(await clerkPage.getByText('暂时无法访问').count()).toBe(0);
    expect(await secretaryPage.getByText('暂时无法访问').count()).toBe(0);
    await clerkPage.goto(`${stack.gateway.baseUrl}/submissions/${submissionId}`);
    await reloadUntilVisible(clerkPage, '已准入');
    await clerkPage.goto(`${stack.gateway.baseUrl}/submissions`);
    await screenshot(clerkPage, 'my-submissions');
    await expectAccessible(clerkPage);
  }, 600_000);

  it('returns a submission for amendment, and the clerk amends and resubmits it', async () => {
    const title = '低保对象年度复核';
    const clerkPage = await signIn(stack, clerk, '/submissions/new');
    const submissionId = await submitTask(clerkPage, title, '3000');
    await clerkPage.getByText('街道/民政审核').first().waitFor({ timeout: 45_000 });
    const reviewerPage = await signIn(stack, reviewer);
    await actFromInbox(reviewerPage, title, '退回修改', { 理由: '请补充入户核查表样式' });

    // The clerk's page, left open since submitting, shows the return as soon as it commits: no reload.
    expect(new URL(clerkPage.url()).pathname).toBe(`/submissions/${submissionId}`);
    await clerkPage.getByText('已退回').first().waitFor({ timeout: 45_000 });
    await clerkPage.getByRole('button', { name: '修改后重新提交' }).click();
    await clerkPage.getByLabel('事项内容').fill('每年对辖区低保对象开展一次入户复核，附入户核查表样式。');
    await clerkPage.getByRole('button', { name: '修改后重新提交' }).click();
    await clerkPage.waitForURL(new RegExp(`/submissions/${submissionId}$`));
    await reloadUntilVisible(clerkPage, '第 2 轮');
    await screenshot(clerkPage, 'resubmitted-timeline');
  }, 300_000);

  it('lets a community refuse work that was never admitted, on a phone', async () => {
    const page = await signIn(stack, secretaries[1], '/community/refusals', phone);
    await pick(page, '交办部门', '民政', '区民政局');
    await page.getByLabel('被交办的工作').fill('要求社区填报辖区商铺消防检查台账');
    await page.getByLabel('情况说明').fill('该事项未经准入，且无经费');
    await screenshot(page, 'refusal-390');
    await expectAccessible(page);
    await page.getByRole('button', { name: '拒绝并登记违规摊派' }).click();
    await page.getByText('已拒绝，已登记违规摊派').waitFor({ timeout: 30_000 });
    const violations = await stack.admission.http.request<{ items: { departmentId: string }[] }>('GET', '/violations', {
      as: reviewerToken,
    });
    expect(violations.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ departmentId })]));
  }, 300_000);

  // Each area's journey seeds its own street and people on the same stack, after the daily work above.
  organisationJourney(() => stack);
  peopleJourney(() => stack);
  financeJourney(() => stack);
});
