import { beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import type { Page } from 'playwright-core';
import {
  type ConsoleStack,
  type ConsoleUser,
  createUser,
  expectAccessible,
  screenshot,
  shows,
  signIn,
} from '../console-stack.js';

const admin = principal([Roles.OrganizationAdmin], {}, 'org-journey-admin');
const leaderToken = principal([Roles.DistrictLeader], {}, 'org-journey-leader');

/** Opens a tree node (retried: a click landing while the tree still animates the previous opening is lost). */
async function expand(page: Page, testId: string): Promise<void> {
  const node = page.locator('.ant-tree-treenode', { has: page.getByTestId(testId) });
  await eventually(async () => {
    if ((await node.locator('.ant-tree-switcher_open').count()) === 0) await node.locator('.ant-tree-switcher').click();
    await node.locator('.ant-tree-switcher_open').waitFor({ timeout: 2_000 });
  }, 20_000);
}

/** What the page shows for a test id, trimmed. */
async function textOf(page: Page, testId: string, within?: ReturnType<Page['locator']>): Promise<string> {
  const scope = within ?? page.locator('body');
  return (await scope.getByTestId(testId).first().innerText()).trim();
}

const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The organisation admin keeps the hierarchy (a community moved to another street, its history shown, a refusal
 * shown beside the field), sees a community below the 500 m² standard flagged and the party organisations; the
 * district leader's dashboard shows exactly the figures the services' report endpoints answer.
 */
export function organisationJourney(stack: () => ConsoleStack): void {
  describe('organisation and the leaders’ dashboard', () => {
    const communityIds: Record<string, string> = {};
    let organisationAdmin: ConsoleUser;
    let leader: ConsoleUser;

    beforeAll(async () => {
      const { organization, admission } = stack();
      for (const street of [
        { code: 'S-ORG', name: '温泉街道' },
        { code: 'S-ORG-B', name: '东街街道' },
      ]) {
        expect((await organization.http.request('POST', '/streets', { as: admin, body: street })).status).toBe(201);
      }
      for (const community of [
        { code: 'S-ORG-C1', name: '温泉社区', streetCode: 'S-ORG', partyMemberCount: 60 },
        { code: 'S-ORG-C2', name: '汤边社区', streetCode: 'S-ORG', partyMemberCount: 12 },
        { code: 'S-ORG-C3', name: '东街社区', streetCode: 'S-ORG-B', partyMemberCount: 120 },
      ]) {
        const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
          as: admin,
          body: community,
        });
        expect(created.status).toBe(201);
        communityIds[community.code] = created.body.communityId;
      }
      for (const grid of ['G1', 'G2']) {
        const created = await organization.http.request('POST', '/grids', {
          as: admin,
          body: { code: `S-ORG-C1-${grid}`, name: `温泉第${grid.slice(1)}网格`, communityCode: 'S-ORG-C1' },
        });
        expect(created.status).toBe(201);
      }
      // 温泉社区 470 m² (below the standard), 汤边社区 560 m², 东街社区 not reported.
      for (const [code, officeAreaM2, serviceAreaM2] of [
        ['S-ORG-C1', 320, 150],
        ['S-ORG-C2', 300, 260],
      ] as const) {
        const recorded = await organization.http.request('PUT', `/communities/${communityIds[code]}/facilities`, {
          as: admin,
          body: { officeAreaM2, serviceAreaM2, stations: ['one-stop-centre', 'party-activity-room'] },
        });
        expect(recorded.status).toBe(200);
      }
      // 温泉社区's co-building: a resident unit and an agreement with a project on each side.
      const unit = await organization.http.request('POST', '/resident-units', {
        as: admin,
        body: {
          code: 'ORG-U1',
          name: '温泉供电所',
          kind: 'enterprise',
          communityCode: 'S-ORG-C1',
          partyMemberCount: 18,
        },
      });
      expect(unit.status).toBe(201);
      const agreement = await organization.http.request('POST', '/agreements', {
        as: admin,
        body: {
          code: 'ORG-A1',
          communityCode: 'S-ORG-C1',
          residentUnitCode: 'ORG-U1',
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          projects: [
            { committedBy: 'unit', title: '老旧小区用电安全检查', description: '每季度一次' },
            { committedBy: 'community', title: '供电所党员进社区报到' },
          ],
        },
      });
      expect(agreement.status).toBe(201);
      const department = await organization.http.request('POST', '/departments', {
        as: admin,
        body: { code: 'ORG-ZJJ', name: '区住建局' },
      });
      expect(department.status).toBe(201);
      await eventually(async () => {
        const index = await admission.http.request<{ communities: { code: string }[] }>(
          'GET',
          '/reports/burden-index?streetCode=S-ORG',
          { as: leaderToken },
        );
        expect(index.body.communities.map((row) => row.code)).toEqual(['S-ORG-C1', 'S-ORG-C2']);
      }, 60_000);
      organisationAdmin = await createUser(stack(), {
        loginName: 'org-journey-admin',
        displayName: '区委组织部管理员',
        roles: [Roles.OrganizationAdmin],
      });
      leader = await createUser(stack(), {
        loginName: 'org-journey-leader',
        displayName: '区领导',
        roles: [Roles.DistrictLeader],
      });
    }, 120_000);

    it('keeps the hierarchy: a community moved with its history, a refusal in place, facilities flagged', async () => {
      const page = await signIn(stack(), organisationAdmin, '/organisation/hierarchy');
      const tree = page.getByTestId('hierarchy-tree');
      await shows(page, tree.getByTestId('tree-street-S-ORG'));
      await expand(page, 'tree-street-S-ORG');
      await expand(page, 'tree-community-S-ORG-C1');
      await shows(page, tree.getByTestId('tree-grid-S-ORG-C1-G2'));
      await tree.getByTestId('tree-community-S-ORG-C2').click();
      const history = page.getByTestId('unit-history');
      await shows(page, history.getByTestId('history-created'));

      // 汤边社区 goes to 东街街道; the history names both streets.
      await page.getByLabel('新的上级单位').click();
      await page.keyboard.type('S-ORG-B');
      await page.locator('.ant-select-dropdown:visible').getByText('东街街道（S-ORG-B）').click();
      await page.getByTestId('move-form').getByRole('button', { name: '调整隶属' }).click();
      await shows(page, history.getByTestId('history-moved'));
      expect(await history.getByTestId('history-moved').innerText()).toContain('S-ORG → S-ORG-B');
      // The tree follows: 汤边社区 left 温泉街道 and appears under 东街街道 once that street is opened.
      await tree.getByTestId('tree-community-S-ORG-C2').waitFor({ state: 'detached', timeout: 30_000 });
      await expand(page, 'tree-street-S-ORG-B');
      await shows(page, tree.getByTestId('tree-community-S-ORG-C2'));
      // The same move again is refused, and the refusal shows beside the field that chose the street.
      await page.getByTestId('move-form').getByRole('button', { name: '调整隶属' }).click();
      await shows(page, page.getByTestId('move-form').getByText('该单位已在此上级之下'));
      await screenshot(page, 'organisation-hierarchy');
      await expectAccessible(page);

      await page.goto(`${stack().gateway.baseUrl}/organisation/facilities`);
      const below = page.getByTestId('facility-S-ORG-C1');
      await shows(page, below.getByTestId('facility-below'));
      expect(await below.getByTestId('facility-below').innerText()).toContain('差 30 m²');
      await expect(page.getByTestId('facility-S-ORG-C2').getByTestId('facility-below').count()).resolves.toBe(0);
      await screenshot(page, 'organisation-facilities');
      await expectAccessible(page);

      await page.goto(`${stack().gateway.baseUrl}/organisation/party-organisations`);
      await shows(page, page.getByText('东街社区'));
      await screenshot(page, 'organisation-party-organisations');
      await expectAccessible(page);

      await page.goto(`${stack().gateway.baseUrl}/organisation/co-building`);
      await shows(page, page.getByTestId('co-building-totals'));
      await page.getByRole('tab', { name: '共建协议' }).click();
      await shows(page, page.getByText('温泉供电所'));
      await page.locator('.ant-table-row-expand-icon').first().click();
      await shows(page, page.getByText('老旧小区用电安全检查'));
      await screenshot(page, 'organisation-co-building');
      await expectAccessible(page);

      // 双评议: a period the service does not read is refused beside the field; the corrected rating ranks.
      await page.goto(`${stack().gateway.baseUrl}/organisation/evaluation`);
      const form = page.getByTestId('rating-form');
      await shows(page, form);
      for (const [label, option] of [
        ['评议社区', '温泉社区'],
        ['被评议部门', '区住建局'],
      ] as const) {
        await form.getByLabel(label, { exact: true }).click();
        await page.keyboard.type(option);
        await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
      }
      await form.getByLabel('评议期', { exact: true }).fill('2026-13');
      await form.getByRole('button', { name: '提交评议' }).click();
      await shows(
        page,
        form
          .getByText('评议期', { exact: false })
          .locator('xpath=ancestor::div[contains(@class,"ant-form-item")]')
          .locator('.ant-form-item-explain-error'),
      );
      // The refusal's passing message goes before the correction, so the picture shows only the success's.
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
      await form
        .getByLabel('评议期', { exact: true })
        .fill(String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear()));
      await form.getByRole('button', { name: '提交评议' }).click();
      await shows(page, page.locator('.ant-table-row', { hasText: '区住建局' }));
      await screenshot(page, 'organisation-evaluation');
      await expectAccessible(page);
      await page.context().close();
    }, 180_000);

    it('shows the district leader the figures the services report', async () => {
      const { organization, admission, finance, personnel } = stack();
      // The move reached admission's directory: 东街街道 now counts 汤边社区.
      await eventually(async () => {
        const index = await admission.http.request<{ communities: { code: string }[] }>(
          'GET',
          '/reports/burden-index?streetCode=S-ORG-B',
          { as: leaderToken },
        );
        expect(index.body.communities.map((row) => row.code)).toEqual(['S-ORG-C2', 'S-ORG-C3']);
      }, 60_000);
      const page = await signIn(stack(), leader, '/dashboard?street=S-ORG-B');
      await shows(page, page.getByTestId('burden-row-S-ORG-C3'));
      await shows(page, page.getByTestId('party-kind-branch'));
      await shows(page, page.getByTestId('staffing-workers'));
      await shows(page, page.getByTestId('decisions-admitted'));
      await page.waitForLoadState('networkidle');

      const burden = await admission.http.request<{
        communities: { code: string; items: { inForce: number; allowed: number }; index: number | null }[];
      }>('GET', '/reports/burden-index?streetCode=S-ORG-B', { as: leaderToken });
      for (const row of burden.body.communities) {
        const shown = page.getByTestId(`burden-row-${row.code}`);
        expect(await textOf(page, 'burden-items', shown)).toBe(`${row.items.inForce} / ${row.items.allowed}`);
        expect(await textOf(page, 'burden-index', shown)).toBe(row.index === null ? '—' : `${row.index}%`);
      }

      const outcomes = await admission.http.request<{
        admitted: number;
        refused: number;
        medianWorkingDays: number | null;
        refusedByReason: { reason: string; count: number }[];
      }>('GET', '/reports/decision-outcomes', { as: leaderToken });
      expect(await textOf(page, 'decisions-admitted')).toBe(String(outcomes.body.admitted));
      expect(await textOf(page, 'decisions-refused')).toBe(String(outcomes.body.refused));
      expect(await textOf(page, 'decisions-median')).toBe(
        outcomes.body.medianWorkingDays === null ? '尚无办结' : `${outcomes.body.medianWorkingDays} 个工作日`,
      );
      for (const reason of outcomes.body.refusedByReason) {
        expect(await textOf(page, 'refused-count', page.getByTestId(`refused-${reason.reason}`))).toBe(
          String(reason.count),
        );
      }

      const violations = await admission.http.request<{ items: { departmentName: string; violations: number }[] }>(
        'GET',
        '/reports/department-violations?limit=500',
        { as: leaderToken },
      );
      for (const row of violations.body.items) {
        expect(await textOf(page, 'violations-count', page.getByTestId(`violations-${row.departmentName}`))).toBe(
          String(row.violations),
        );
      }

      const party = await organization.http.request<{ totals: { byKind: Record<string, number> } }>(
        'GET',
        '/reports/party-organisations?streetCode=S-ORG-B',
        { as: leaderToken },
      );
      expect(party.body.totals.byKind).toEqual({ branch: 2, 'general-branch': 0, committee: 0 });
      for (const kind of ['branch', 'general-branch', 'committee']) {
        expect(await textOf(page, `party-kind-${kind}`)).toBe(String(party.body.totals.byKind[kind]));
      }
      const facilities = await organization.http.request<{ totals: { meetingStandard: number; communities: number } }>(
        'GET',
        '/reports/facilities?streetCode=S-ORG-B',
        { as: leaderToken },
      );
      expect(facilities.body.totals).toMatchObject({ meetingStandard: 1, communities: 2 });
      expect(await textOf(page, 'facilities-share')).toBe(
        `达标 ${facilities.body.totals.meetingStandard} / ${facilities.body.totals.communities} 个社区`,
      );

      const staffing = await personnel.http.request<{
        workers: number;
        collegeDegree: { percent: number };
        tracks: { trackCode: string; steps: { step: string; workers: number }[] }[];
      }>('GET', '/statistics/staffing', { as: leaderToken });
      expect(await textOf(page, 'staffing-workers')).toBe(String(staffing.body.workers));
      expect(await textOf(page, 'staffing-college')).toBe(`${staffing.body.collegeDegree.percent}%`);
      const careerSecretaries =
        staffing.body.tracks
          .find((track) => track.trackCode === 'post')
          ?.steps.find((step) => step.step === 'career-secretary')?.workers ?? 0;
      expect(await textOf(page, 'staffing-career-secretaries')).toBe(String(careerSecretaries));

      const money = await finance.http.request<{ items: { communityId: string; received: Record<string, number> }[] }>(
        'GET',
        '/reports/communities?limit=500',
        { as: leaderToken },
      );
      const inStreet = new Set([communityIds['S-ORG-C2'], communityIds['S-ORG-C3']]);
      for (const fund of ['baseOperating', 'partyBuilding', 'task', 'coBuilding']) {
        const total = money.body.items
          .filter((row) => inStreet.has(row.communityId))
          .reduce((sum, row) => sum + row.received[fund], 0);
        expect(await textOf(page, `money-fund-${fund}`)).toBe(yuan(total));
      }
      // Nothing reached these communities: the charts say so rather than draw nothing.
      await shows(page, page.getByTestId('panel-money').getByText('所选年度和街道暂无数据').first());
      await screenshot(page, 'dashboard');
      await expectAccessible(page);

      // The whole district: every street's communities are in the burden table.
      await page.getByLabel('街道', { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible').getByText('全区').click();
      await shows(page, page.getByTestId('burden-row-S-ORG-C1'));
      await page.context().close();
    }, 180_000);
  });
}
