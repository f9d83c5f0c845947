import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { MonthlyGradesFinalised } from '@jianfu/contracts';
import { type PayoutBatchInput, payoutBatchWorkflowId } from '@jianfu/contracts/workflows';
import { chinaDateOf, type Principal, Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * Finance's `funding` policy per district on the real servers: the base standard a year without its own takes,
 * and the payout deadline a batch's approval receives (with the version) when it opens.
 */
describe('funding policy', () => {
  const isolation = createTestIsolation('finance-funding-policy');
  const district = '350121';
  const proposer = principal([Roles.FinanceOfficer], { districtCode: district }, 'caizheng-proposer');
  const approver = principal([Roles.FinanceOfficer], { districtCode: district }, 'caizheng-approver');
  const elsewhere = principal([Roles.FinanceOfficer], {}, 'caizheng-350102');
  const today = chinaDateOf(new Date());
  const defaults = {
    baseFundPerCommunityFen: 4_500_000,
    taskFundDecisionWorkingDays: 5,
    taskFundReminderAfterWorkingDays: 3,
    payoutDecisionWorkingDays: 10,
  };
  let finance: FinanceUnderTest;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
  });

  afterAll(async () => {
    await finance?.close();
  });

  const propose = (document: object, as: Principal = proposer) =>
    finance.api.http.request<{ version: number; code?: string; errors?: { field: string; rule: string }[] }>(
      'POST',
      '/policies/funding/versions',
      { as, body: { document, effectiveFrom: today, reason: '区财政局通知' } },
    );

  it('gives a year without its own standard the policy default, and a payout batch the policy deadline', async () => {
    const standard = (as: Principal) =>
      finance.api.http.request<{ amountFen: number; isDefault: boolean; policyVersion: number | null }>(
        'GET',
        '/base-allocation-standards/2027',
        { as },
      );
    expect((await standard(proposer)).body).toMatchObject({ amountFen: 4_500_000, isDefault: true, policyVersion: 1 });
    expect((await finance.api.http.request('GET', '/policies/funding', { as: proposer })).body).toMatchObject({
      version: 1,
      document: defaults,
    });

    const zeroDays = await propose({ ...defaults, payoutDecisionWorkingDays: 0 });
    expect([zeroDays.status, zeroDays.body.code]).toEqual([400, 'policy.invalid']);
    expect(zeroDays.body.errors).toEqual([
      expect.objectContaining({ field: 'payoutDecisionWorkingDays', rule: 'deadline-1-to-60-working-days' }),
    ]);
    const lateReminder = await propose({ ...defaults, taskFundReminderAfterWorkingDays: 5 });
    expect(lateReminder.body.errors).toEqual([
      expect.objectContaining({ field: 'taskFundReminderAfterWorkingDays', rule: 'reminder-before-deadline' }),
    ]);
    const hr = principal([Roles.HrOfficer], { districtCode: district }, 'hr-not-finance');
    expect((await propose(defaults, hr)).body.code).toBe('policy.not-an-author');

    const proposed = await propose({ ...defaults, baseFundPerCommunityFen: 5_000_000, payoutDecisionWorkingDays: 3 });
    expect(proposed.body.version).toBe(2);
    const published = await finance.api.http.request('POST', '/policies/funding/versions/2/actions', {
      as: approver,
      body: { kind: 'approve' },
    });
    expect(published.status).toBe(200);
    expect((await standard(proposer)).body).toMatchObject({ amountFen: 5_000_000, isDefault: true, policyVersion: 2 });
    // Another district keeps its own (the defaults).
    expect((await standard(elsewhere)).body).toMatchObject({ amountFen: 4_500_000, policyVersion: 1 });

    const communityId = randomUUID();
    await finance.addCommunities([communityId], 'S-FP', district);
    const cycleId = randomUUID();
    await finance.publish(MonthlyGradesFinalised, cycleId, {
      cycleId,
      communityId,
      month: '2026-11',
      grades: [{ workerId: randomUUID(), grade: 'good', bonusFen: 110_000 }],
      totalBonusFen: 110_000,
      finalisedAt: new Date().toISOString(),
    });
    const batchId = `monthly-${cycleId}-${communityId}`;
    const input = await eventually(async () => {
      const history = await finance.api.app
        .get(Client)
        .workflow.getHandle(payoutBatchWorkflowId(batchId))
        .fetchHistory();
      const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      return JSON.parse(Buffer.from(payload!.data!).toString('utf8')) as PayoutBatchInput;
    }, 30_000);
    expect(input).toMatchObject({ batchId, districtCode: district, decisionWorkingDays: 3, policyVersion: 2 });
  });
});
