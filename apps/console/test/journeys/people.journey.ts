import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Roles } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import type { Page } from 'playwright-core';
import {
  type ConsoleStack,
  type ConsoleUser,
  createUser,
  expectAccessible,
  reloadUntilVisible,
  screenshot,
  shows,
  signIn,
} from '../console-stack.js';

const header = [
  '工号',
  '姓名',
  '社区代码',
  '职务层级',
  '职务任职日期',
  '职称层级',
  '职称取得日期',
  '学历',
  '中共党员',
  '入职日期',
  '证书',
];

/** A workbook as an HR office keeps it: Chinese headers, date cells, steps and education by their names. */
async function workbook(rows: (string | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('社区工作者');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * HR in the browser: an Excel import of a community's workers (refused with its problems by row and column, then
 * imported), a promotion refused with the unmet rules shown beside the career tracks, and a monthly grading sheet
 * whose quota breach shows before closing is requested, is fixed, closes, and whose bonuses appear in finance.
 */
export function peopleJourney(stack: () => ConsoleStack): void {
  describe('people: HR pages', () => {
    const admin = principal([Roles.OrganizationAdmin], {}, 'people-org-admin');
    const approver = principal([Roles.HrOfficer], {}, 'people-org-department');
    const hrToken = principal([Roles.HrOfficer], {}, 'people-hr-token');
    const financeToken = principal([Roles.FinanceOfficer], {}, 'people-finance');
    let communityId: string;
    let hr: ConsoleUser;
    let page: Page;

    beforeAll(async () => {
      const street = await stack().organization.http.request('POST', '/streets', {
        as: admin,
        body: { code: 'S-PEOPLE', name: '温泉街道' },
      });
      expect(street.status).toBe(201);
      const community = await stack().organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code: 'S-PEOPLE-C1', name: '温泉社区', streetCode: 'S-PEOPLE', partyMemberCount: 40 },
      });
      expect(community.status).toBe(201);
      communityId = community.body.communityId;
      const personnelSchema = stack().personnel.environment.DATABASE_SCHEMA;
      await eventually(async () => {
        const known = await stack().personnel.db.query(
          `SELECT 1 FROM ${personnelSchema}.directory_community WHERE community_id = $1`,
          [communityId],
        );
        expect(known.rowCount).toBe(1);
        const directory = await stack().finance.http.request<{ items: { communityId: string }[] }>(
          'GET',
          '/community-directory?limit=500',
          { as: financeToken },
        );
        expect(directory.body.items.map((item) => item.communityId)).toContain(communityId);
      }, 60_000);
      hr = await createUser(stack(), {
        loginName: 'people-hr',
        displayName: '区委组织部人事干部',
        roles: [Roles.HrOfficer],
      });
      page = await signIn(stack(), hr, '/people/workers');
    }, 120_000);

    it('imports workers from an Excel workbook, naming each bad row and column first', async () => {
      const hired = new Date(Date.UTC(2019, 6, 1));
      const recent = new Date(Date.UTC(2025, 8, 1));
      const rows = [
        ['WQ-001', '林晓梅', 'S-PEOPLE-C1', '社区工作者', hired, '社区工作者', hired, '本科', '是', hired, ''],
        [
          'WQ-002',
          '陈建华',
          'S-PEOPLE-C1',
          '社区工作者',
          hired,
          '助理社会工作师',
          '2021-05-01',
          '大专',
          '是',
          hired,
          '',
        ],
        ['WQ-003', '黄丽娟', 'S-PEOPLE-C1', '社区工作者', hired, '社区工作者', hired, '本科', '否', hired, ''],
        ['WQ-004', '郑文斌', 'S-PEOPLE-C1', '社区工作者', hired, '社区工作者', hired, '硕士研究生', '是', hired, ''],
        ['WQ-005', '吴佳怡', 'S-PEOPLE-C1', '社区工作者', recent, '社区工作者', recent, '本科', '否', recent, ''],
      ];
      await page.goto(`${stack().gateway.baseUrl}/people/workers`);
      await shows(page, page.getByRole('heading', { name: '社区工作者' }));
      await page.getByTestId('import-workers').click();
      const broken = rows.map((row) => [...row]);
      broken[2][9] = '2019-02-30';
      broken[4][7] = '小学';
      await page.locator('input[type=file]').setInputFiles({
        name: '温泉社区工作者.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook(broken),
      });
      await page.getByTestId('import-submit').click();
      const problems = page.getByTestId('import-problems');
      await shows(page, problems);
      // Each problem by its row in the sheet and its column as the sheet names it, in Chinese.
      const rowsShown = await problems.locator('tbody tr').allInnerTexts();
      expect(rowsShown).toEqual([
        expect.stringMatching(/第 4 行\s+入职日期\s+应为日期/),
        expect.stringMatching(/第 6 行\s+学历\s+不是可识别的学历/),
      ]);
      await screenshot(page, 'people-import');
      await expectAccessible(page);

      await page.locator('input[type=file]').setInputFiles({
        name: '温泉社区工作者.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook(rows),
      });
      await page.getByTestId('import-submit').click();
      await shows(page, page.getByText('已导入 5 名社区工作者'));
      // The success replaces the refusal's message: the corrected file's outcome is the only one on screen.
      expect(await page.getByText('提交的内容有误').count()).toBe(0);
      await page.getByLabel('姓名或工号').fill('WQ-');
      await page.getByLabel('姓名或工号').press('Enter');
      await shows(page, page.getByRole('link', { name: '吴佳怡' }));
      await expect(page.getByText('共 5 条').isVisible()).resolves.toBe(true);
      await screenshot(page, 'people-workers');
      await expectAccessible(page);
    });

    it('refuses a promotion and shows every unmet rule beside both career tracks', async () => {
      await page.getByRole('link', { name: '吴佳怡' }).click();
      await shows(page, page.getByTestId('track-post'));
      await shows(page, page.getByTestId('track-professional'));
      // The next step's rules, each met or not, before anything is asked.
      await expect(
        page.getByTestId('track-post').getByTestId('check-party-membership').getAttribute('data-met'),
      ).resolves.toBe('false');
      await expect(
        page.getByTestId('track-post').getByTestId('check-education').getAttribute('data-met'),
      ).resolves.toBe('true');
      await page.getByTestId('promote-post').click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      const refused = page.getByTestId('promotion-refused');
      await shows(page, refused);
      await expect(refused.innerText()).resolves.toContain('需为中共党员');
      await expect(refused.innerText()).resolves.toContain('需任社区工作者满3年');
      await expect(refused.innerText()).resolves.toContain('需最近2年年度考核均为良好及以上');
      // The refusal also came as a passing message; the picture shows the page once it has gone.
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
      await screenshot(page, 'people-career');
      await expectAccessible(page);
    });

    it('shows a quota breach on the grading sheet, closes once fixed, and the bonuses reach finance', async () => {
      const opened = await stack().personnel.http.request<{ cycleId: string; cohortSize: number }>(
        'POST',
        '/assessment-cycles',
        { as: hrToken, body: { kind: 'monthly', period: '2026-11', communityId } },
      );
      expect([opened.status, opened.body.cohortSize]).toEqual([201, 5]);
      const cycleId = opened.body.cycleId;
      await page.goto(`${stack().gateway.baseUrl}/people/cycles/${cycleId}`);
      await shows(page, page.getByTestId('quota-excellent'));

      const gradeOf = async (name: string, grade: string) => {
        await page.getByLabel(`${name} 评定等次`).click();
        await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${grade}"]`).click();
        // The next pick opens its own list only once this one has closed, so one list is visible at a time.
        await eventually(async () => expect(await page.locator('.ant-select-dropdown:visible').count()).toBe(0));
      };
      // 20% of 5 is one 优秀; 60% of 5 is three 良好 (floor): the caps come from the cycle's policy.
      await gradeOf('林晓梅', '优秀');
      await gradeOf('陈建华', '优秀');
      await gradeOf('黄丽娟', '良好');
      await gradeOf('郑文斌', '良好');
      await gradeOf('吴佳怡', '合格');
      const breach = page.getByTestId('quota-breach');
      await shows(page, breach);
      await expect(breach.innerText()).resolves.toContain('优秀评定 2 人，超过上限 1 人（20%）');
      await expect(page.getByTestId('quota-excellent').getAttribute('data-over')).resolves.toBe('true');
      await expect(page.getByTestId('request-closing').isDisabled()).resolves.toBe(true);
      await page.getByTestId('save-grades').click();
      await shows(page, page.getByText('评定已保存'));
      await screenshot(page, 'people-grading-breach');
      await expectAccessible(page);

      await gradeOf('陈建华', '良好');
      await shows(page, page.getByTestId('quota-ok'));
      await page.getByTestId('save-grades').click();
      // Enabled once the saved grades are read back: nothing unsaved, nobody ungraded, no quota exceeded.
      await shows(page, page.locator('[data-testid="request-closing"]:enabled'));
      await page.getByTestId('request-closing').click();
      await shows(page, page.getByText('已提交区委组织部审定'));

      // The organisation department decides (考核结果审定) through the API; the page follows the cycle.
      await eventually(async () => {
        const approved = await stack().personnel.http.request<{ step: { status: string } }>(
          'POST',
          `/assessment-cycles/${cycleId}/closing/actions`,
          { as: approver, body: { kind: 'approve' } },
        );
        expect(approved.status).toBe(200);
      }, 30_000);
      await reloadUntilVisible(page, '已审定');
      const batchId = `monthly-${cycleId}-${communityId}`;
      const batch = await eventually(async () => {
        const found = await stack().finance.http.request<{ totalFen: number }>('GET', `/payout-batches/${batchId}`, {
          as: financeToken,
        });
        expect(found.status).toBe(200);
        return found.body;
      }, 60_000);
      // 优秀 1300 + 良好 1100 × 3 + 合格 900 yuan, as finance holds them.
      expect(batch.totalFen).toBe(130_000 + 3 * 110_000 + 90_000);
      const total = page.getByTestId('finance-total');
      await shows(page, total);
      await expect(total.innerText()).resolves.toBe('¥5,500.00');
      await screenshot(page, 'people-grading-finalised');
      await expectAccessible(page);

      await page.goto(`${stack().gateway.baseUrl}/people/cycles`);
      await shows(page, page.getByRole('link', { name: '2026-11' }));
      await screenshot(page, 'people-cycles');
    });

    it('shows a recruitment as a pipeline and takes the written scores', async () => {
      const opened = await stack().personnel.http.request<{ postingId: string }>('POST', '/recruitment-postings', {
        as: hrToken,
        body: {
          title: '2026年温泉街道公开招聘社区工作者',
          writtenPassMark: 60,
          interviewPassMark: 60,
          writtenWeightPercent: 50,
          places: [{ communityId, places: 1 }],
        },
      });
      expect(opened.status).toBe(202);
      const base = `/recruitment-postings/${opened.body.postingId}`;
      for (const [candidateNo, name] of [
        ['K-01', '刘思远'],
        ['K-02', '许静'],
      ]) {
        const applied = await stack().personnel.http.request('POST', `${base}/applications`, {
          as: hrToken,
          body: { candidateNo, name, communityId, education: 'bachelor', partyMember: true },
        });
        expect(applied.status).toBe(201);
      }
      const advanced = await stack().personnel.http.request('POST', `${base}/advance`, {
        as: hrToken,
        body: { from: 'accepting-applications' },
      });
      expect(advanced.status).toBeLessThan(300);

      await page.goto(`${stack().gateway.baseUrl}/people/recruitment/${opened.body.postingId}`);
      await shows(page, page.getByLabel('刘思远 笔试'));
      await page.getByLabel('刘思远 笔试').fill('82.5');
      await page.getByLabel('许静 笔试').fill('55');
      await page.getByRole('button', { name: '保存成绩' }).click();
      await shows(page, page.getByText('已保存'));
      await page.getByRole('button', { name: '结束笔试阶段' }).click();
      await reloadUntilVisible(page, '笔试成绩 55 低于合格分数线 60');
      await screenshot(page, 'people-recruitment');
      await expectAccessible(page);

      // Two of the community's workers reviewed for the year (年度干部考评): the page lists them with their result.
      const workers = await stack().personnel.http.request<{ items: { id: string; name: string }[] }>(
        'GET',
        `/workers?communityId=${communityId}&limit=50`,
        { as: hrToken },
      );
      const workerIdOf = (name: string) => workers.body.items.find((worker) => worker.name === name)!.id;
      for (const [name, scores] of [
        ['林晓梅', { debriefingScore: 95, fieldVisitScore: 88, householdSurveyScore: 91, residentSatisfaction: 97 }],
        ['陈建华', { debriefingScore: 80, fieldVisitScore: 76, householdSurveyScore: 82, residentSatisfaction: 85 }],
      ] as const) {
        const reviewed = await stack().personnel.http.request(
          'PUT',
          `/workers/${workerIdOf(name)}/cadre-reviews/2026`,
          {
            as: hrToken,
            body: { ...scores, fieldVisitNotes: '走访网格3个' },
          },
        );
        expect(reviewed.status).toBe(200);
      }
      await page.goto(`${stack().gateway.baseUrl}/people/reviews`);
      await shows(page, page.getByRole('heading', { name: '年度干部考评' }));
      const reviews = page.locator('tr', { hasText: '林晓梅' });
      await shows(page, reviews);
      await expect(reviews.innerText()).resolves.toContain('93.2');
      await screenshot(page, 'people-reviews');
    });
  });
}
