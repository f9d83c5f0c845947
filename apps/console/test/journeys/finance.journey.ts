import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type Principal, Roles } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import {
  type ConsoleStack,
  type ConsoleUser,
  createUser,
  expectAccessible,
  screenshot,
  shows,
  signIn,
} from '../console-stack.js';

interface CommunityMoney {
  communityId: string;
  code: string;
  received: Record<'baseOperating' | 'partyBuilding' | 'task' | 'coBuilding' | 'total', number>;
  spent: { total: number };
  balance: { total: number };
}

/**
 * The finance officer's pages in chromium: the department budgets, the yearly base allocation started from the
 * console and watched until it finishes, a community's accounts and an account's postings, a transfer's legs, and
 * the communities report downloaded as Excel and read back with exceljs (headers and 合计 against finance's API).
 * Its own street, communities, department and task (admitted and funded through the real services by API).
 */
export function financeJourney(stack: () => ConsoleStack): void {
  describe('finance pages (money)', () => {
    const admin = principal([Roles.OrganizationAdmin], {}, 'money-org-admin');
    const reviewer = principal([Roles.AdmissionReviewer], {}, 'money-reviewer');
    const committee = principal([Roles.AdmissionCommittee], {}, 'money-committee');
    const financeToken = principal([Roles.FinanceOfficer], {}, 'money-finance-api');
    const communities: { id: string; name: string }[] = [];
    const title = '社区养老服务需求摸底调查';
    let departmentId: string;
    let submitter: Principal;
    let taskId: string;
    let officer: ConsoleUser;

    const secretary = (communityId: string) =>
      principal([Roles.CommunitySecretary], { communityIds: [communityId] }, `money-sec-${communityId.slice(0, 8)}`);

    async function submissionReaches(submissionId: string, predicate: (view: SubmissionView) => boolean) {
      return eventually(async () => {
        const view = await stack().admission.http.request<SubmissionView>('GET', `/submissions/${submissionId}`, {
          as: submitter,
        });
        expect(predicate(view.body)).toBe(true);
        return view.body;
      }, 60_000);
    }

    beforeAll(async () => {
      const { organization, admission, finance } = stack();
      expect(
        (
          await organization.http.request('POST', '/streets', {
            as: admin,
            body: { code: 'S-MONEY', name: '南门街道' },
          })
        ).status,
      ).toBe(201);
      for (const [index, name] of ['花巷社区', '光禄坊社区'].entries()) {
        const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
          as: admin,
          body: { code: `S-MONEY-C${index + 1}`, name, streetCode: 'S-MONEY', partyMemberCount: 30 },
        });
        expect(created.status).toBe(201);
        communities.push({ id: created.body.communityId, name });
      }
      const department = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
        as: admin,
        body: { code: 'MONEY-WJJ', name: '区卫健局' },
      });
      expect(department.status).toBe(201);
      departmentId = department.body.departmentId;
      submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'money-clerk');
      await eventually(async () => {
        for (const service of [admission, finance]) {
          const directory = await service.http.request<{ items: { communityId: string }[] }>(
            'GET',
            '/community-directory?limit=500',
            { as: financeToken },
          );
          const known = directory.body.items.map((item) => item.communityId);
          for (const community of communities) expect(known).toContain(community.id);
        }
        const departments = await finance.http.request<{ items: { departmentId: string }[] }>(
          'GET',
          '/departments?limit=500',
          { as: financeToken },
        );
        expect(departments.body.items.map((d) => d.departmentId)).toContain(departmentId);
      }, 60_000);
      const budget = await finance.http.request('PUT', `/departments/${departmentId}/budgets/2027`, {
        as: financeToken,
        body: { approvedFen: 8_000_000, reason: '2027 年卫健部门预算' },
      });
      expect(budget.status).toBe(200);
      await eventually(async () => {
        const known = await admission.http.request('GET', `/departments/${departmentId}/budgets/2027`, {
          as: reviewer,
        });
        expect(known.status).toBe(200);
      }, 60_000);

      // The task goes through the real admission review and finance's transfer, by API (the browser part is
      // what the finance officer sees afterwards).
      const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
        as: submitter,
        body: {
          title,
          description: '对辖区 60 岁以上老人开展一次养老服务需求入户摸底，形成需求清单。',
          catalogueItemCode: 'MZ-01',
          target: { mode: 'communities', communityIds: communities.map((c) => c.id) },
          recurrence: 'one-off',
          periodStart: '2027-03-01',
          periodEnd: '2027-06-30',
          requiredLedgers: ['低保对象台账'],
          fundingPerCommunityFen: 300_000,
          attachments: [],
        },
      });
      expect(draft.status).toBe(201);
      const submissionId = draft.body.id;
      const act = (as: Principal, body: object) =>
        admission.http.request('POST', `/submissions/${submissionId}/actions`, { as, body });
      expect(
        (await admission.http.request('POST', `/submissions/${submissionId}/submit`, { as: submitter })).status,
      ).toBe(202);
      await submissionReaches(submissionId, (view) => view.review?.status === 'street-review');
      expect((await act(reviewer, { action: 'approve' })).status).toBe(200);
      await submissionReaches(submissionId, (view) => view.review?.status === 'consultation');
      for (const community of communities) {
        expect((await act(secretary(community.id), { action: 'approve', comment: '同意承接' })).status).toBe(200);
      }
      await submissionReaches(submissionId, (view) => view.review?.status === 'committee');
      expect((await act(committee, { action: 'approve' })).status).toBe(200);
      taskId = (await submissionReaches(submissionId, (view) => view.status === 'admitted')).task!.taskId;
      const transferIs = (status: string) =>
        eventually(async () => {
          const transfer = await finance.http.request<{ status: string }>('GET', `/task-fund-transfers/${taskId}`, {
            as: financeToken,
          });
          expect(transfer.body.status).toBe(status);
        }, 60_000);
      await transferIs('awaiting-decision');
      expect(
        (
          await finance.http.request('POST', `/task-fund-transfers/${taskId}/actions`, {
            as: financeToken,
            body: { action: 'approve' },
          })
        ).status,
      ).toBe(200);
      await transferIs('disbursed');
      // 专款专用: the first community spends part of the task money on the task.
      const spent = await finance.http.request('POST', `/communities/${communities[0].id}/spending`, {
        as: secretary(communities[0].id),
        body: { fund: 'task', taskId, amountFen: 50_000, purpose: '入户调查问卷印制' },
        headers: { 'idempotency-key': `money-spend-${taskId}` },
      });
      expect(spent.status).toBe(201);

      officer = await createUser(stack(), {
        loginName: 'money-officer',
        displayName: '财政局预算科',
        roles: [Roles.FinanceOfficer],
      });
    }, 300_000);

    it('shows the budgets, runs the base allocation with its progress, and a community’s accounts and postings', async () => {
      const page = await signIn(stack(), officer, '/finance/budgets?year=2027');
      const row = page.getByTestId('budgets-table').locator('tr', { hasText: '区卫健局' });
      await shows(page, row);
      // 8,000,000 fen approved; 600,000 paid to the two communities.
      await expect(row.innerText()).resolves.toMatch(/¥80,000\.00[\s\S]*¥74,000\.00[\s\S]*¥0\.00[\s\S]*¥6,000\.00/);
      await shows(page, page.getByTestId('budgets-chart').locator('canvas'));
      await screenshot(page, 'money-budgets');
      await expectAccessible(page);

      // The yearly base allocation of a year no other journey pays, started here and followed until it finishes.
      await page.getByRole('menuitem', { name: '基本运转经费' }).click();
      await page.waitForURL(/\/finance\/base-allocation/);
      await page.goto(`${stack().gateway.baseUrl}/finance/base-allocation?year=2031`);
      await shows(page, page.getByText('2031 年度尚未拨付'));
      await shows(page, page.getByText('¥45,000.00'));
      await page.getByRole('button', { name: '开始拨付' }).click();
      await page.getByRole('button', { name: /确\s*定/ }).click();
      await shows(page, page.getByTestId('base-allocation-progress'));
      await shows(page, page.locator('[data-testid="base-allocation-progress"][data-status="finished"]'), 60_000);
      const total = (
        await stack().finance.http.request<{ total: number }>('GET', '/community-directory?limit=1', {
          as: financeToken,
        })
      ).body.total;
      await expect(page.getByTestId('base-allocation-count').innerText()).resolves.toBe(
        `已拨付 ${total} 个社区 / 共 ${total} 个`,
      );
      await screenshot(page, 'money-base-allocation');
      await expectAccessible(page);

      await page.goto(`${stack().gateway.baseUrl}/finance/communities`);
      await page.getByRole('link', { name: communities[0].name }).click();
      const accounts = page.getByTestId('accounts-table');
      await shows(page, accounts.locator('tr', { hasText: '基本运转经费' }));
      await expect(accounts.locator('tr', { hasText: '基本运转经费' }).innerText()).resolves.toContain('¥45,000.00');
      const taskRow = accounts.locator('tr', { hasText: title });
      await expect(taskRow.innerText()).resolves.toMatch(/¥3,000\.00[\s\S]*¥500\.00[\s\S]*¥2,500\.00/);
      await taskRow.getByRole('button', { name: new RegExp(title) }).click();
      const postings = page.getByTestId('postings-table');
      await shows(page, postings.getByText('−¥500.00'));
      await shows(page, postings.getByText('+¥3,000.00'));
      // The pointer leaves the button it clicked: axe judges the resting colours, not the hover's.
      await page.mouse.move(0, 0);
      await screenshot(page, 'money-community-accounts');
      await expectAccessible(page);

      await postings.locator('tr', { hasText: '+¥3,000.00' }).getByRole('link', { name: '查看' }).click();
      const legs = page.getByTestId('transfer-legs');
      await shows(page, legs.getByText('−¥3,000.00'));
      await shows(page, legs.getByText('+¥0.00'));
      // The voucher names its accounts and its task as people call them, not by ledger ids.
      await shows(page, legs.getByRole('link', { name: `${communities[0].name} · ${title}` }));
      await shows(page, page.getByRole('heading', { name: `凭证 · 任务经费拨付 · ${title}` }));
      await screenshot(page, 'money-transfer');
      await expectAccessible(page);

      // The transfer names its task: its dossier shows the same amounts as finance's ledger and report.
      await page.locator(`main a[href="/dossiers/tasks/${taskId}"]`).first().click();
      await shows(page, page.getByTestId('dossier-money'));
      const report = await stack().finance.http.request<{
        promisedFen: number;
        disbursedFen: number;
        spentFen: number;
      }>('GET', `/reports/tasks/${taskId}`, { as: financeToken });
      const money = await page.getByTestId('dossier-money').innerText();
      for (const fen of [report.body.promisedFen, report.body.disbursedFen, report.body.spentFen]) {
        expect(money).toContain(yuanText(fen));
      }
      await shows(page, page.getByTestId('dossier-transfer-status').getByText('已拨付'));
      const rows = page.getByTestId('dossier-communities');
      const first = rows.locator('tr', { hasText: communities[0].name });
      await expect(first.innerText()).resolves.toContain(`${yuanText(300_000)}`);
      await first.getByRole('button').first().click();
      const account = await stack().finance.http.request<{ postings: { items: { amountFen: number }[] } }>(
        'GET',
        `/ledger/accounts/${encodeURIComponent(`community:${communities[0].id}:task:${taskId}`)}`,
        { as: financeToken },
      );
      for (const posting of account.body.postings.items) {
        await shows(page, rows.getByText(yuanText(posting.amountFen), { exact: true }).first());
      }
      // Each posting links its voucher by name, and the trail says who acted (the steps' openings are the system's).
      expect(await rows.getByRole('link', { name: '凭证', exact: true }).count()).toBe(
        account.body.postings.items.length,
      );
      await expect(page.getByTestId('dossier').locator('.ant-timeline').innerText()).resolves.toMatch(
        /街道\/民政审核 · \S+ · 同意/,
      );
      await page.mouse.move(0, 0);
      await screenshot(page, 'money-task-dossier');
      await expectAccessible(page);
      await page.context().close();
    }, 240_000);

    it('downloads the communities report as Excel, whose headers and totals are finance’s figures', async () => {
      const page = await signIn(stack(), officer, '/finance/reports');
      await shows(page, page.getByTestId('communities-chart').locator('canvas'));
      await screenshot(page, 'money-reports');
      await expectAccessible(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('communities-export-xlsx').click(),
      ]);
      // The name comes from the export's Content-Disposition; a download the browser could not complete names the
      // URL and the reason it failed, so a failure here says what went wrong rather than only that the name is off.
      expect({ url: download.url(), name: download.suggestedFilename(), failure: await download.failure() }).toEqual({
        url: expect.stringContaining('/api/finance/reports/communities/export?'),
        name: expect.stringMatching(/^社区经费报表-\d{4}\.xlsx$/),
        failure: null,
      });
      const saved = `${process.cwd()}/.local/test-run/money-communities.xlsx`;
      mkdirSync(`${process.cwd()}/.local/test-run`, { recursive: true });
      await download.saveAs(saved);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(saved);
      const sheet = workbook.getWorksheet('社区经费')!;
      const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(cells(1)).toEqual([
        '社区编码',
        '社区名称',
        '基本运转经费（元）',
        '党建专项经费（元）',
        '任务专款（元）',
        '共建及捐赠（元）',
        '收入合计（元）',
        '支出合计（元）',
        '期末余额（元）',
      ]);
      const year = new Date().getFullYear();
      const report = await stack().finance.http.request<{ items: CommunityMoney[]; total: number }>(
        'GET',
        `/reports/communities?year=${year}&limit=500`,
        { as: financeToken },
      );
      expect(sheet.rowCount).toBe(report.body.total + 2);
      const sum = (pick: (c: CommunityMoney) => number) =>
        report.body.items.reduce((total, c) => total + pick(c), 0) / 100;
      expect(cells(sheet.rowCount)).toEqual([
        '合计',
        undefined,
        sum((c) => c.received.baseOperating),
        sum((c) => c.received.partyBuilding),
        sum((c) => c.received.task),
        sum((c) => c.received.coBuilding),
        sum((c) => c.received.total),
        sum((c) => c.spent.total),
        sum((c) => c.balance.total),
      ]);
      const mine = report.body.items.find((c) => c.communityId === communities[0].id)!;
      const line = sheet.getRows(2, sheet.rowCount - 2)!.find((r) => r.getCell(1).value === 'S-MONEY-C1')!;
      expect(line.getCell(5).value).toBe(mine.received.task / 100);
      await page.context().close();
    }, 120_000);
  });
}

/** Fen as the console shows it (components/money.tsx). */
function yuanText(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

interface SubmissionView {
  status: string;
  review: { status: string } | null;
  task: { taskId: string } | null;
}
