import { PolicyDocumentChecks, type PolicyKind, type PolicyViolation, Roles } from '@jianfu/platform';
import type { FinanceConfig } from '../config.js';

/** Finance's `funding` policy: the base standard when a year has none of its own, and the approval deadlines. */
export interface FundingPolicy {
  /** The base operating fund per community per year (fen) for a year the district set no standard for. */
  baseFundPerCommunityFen: number;
  /** Working days the finance officer (or, after a return, the department) has to act on a task fund transfer. */
  taskFundDecisionWorkingDays: number;
  /** Working days after which the waiting party of a task fund transfer is reminded. */
  taskFundReminderAfterWorkingDays: number;
  /** Working days finance has to approve a bonus or award payout batch before it lapses. */
  payoutDecisionWorkingDays: number;
}

export const FinancePolicyKinds = { funding: 'funding' } as const;

/** 1,000,000 yuan a community a year: far above the seeds' 45,000, so a slipped digit is refused. */
const maxBaseFundFen = 100_000_000;

export function validateFundingPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (
    !checks.object('', [
      'baseFundPerCommunityFen',
      'taskFundDecisionWorkingDays',
      'taskFundReminderAfterWorkingDays',
      'payoutDecisionWorkingDays',
    ])
  ) {
    return checks.violations;
  }
  checks.integer('baseFundPerCommunityFen', { min: 1, max: maxBaseFundFen, rule: 'amount-range' });
  const deadline = { min: 1, max: 60, rule: 'deadline-1-to-60-working-days' };
  const decision = checks.integer('taskFundDecisionWorkingDays', deadline);
  const reminder = checks.integer('taskFundReminderAfterWorkingDays', deadline);
  if (decision !== undefined && reminder !== undefined && reminder >= decision) {
    checks.fail(
      'taskFundReminderAfterWorkingDays',
      'reminder-before-deadline',
      `A reminder after ${reminder} working days comes no earlier than the ${decision}-day deadline`,
    );
  }
  checks.integer('payoutDecisionWorkingDays', deadline);
  return checks.violations;
}

/**
 * Finance's policy kinds with the deployment's defaults: the base standard of the 42-community district
 * (seed 000: 每社区每年4.5万元) unless the environment overrides it, and the project's deadlines.
 */
export function financePolicyKinds(config: FinanceConfig): PolicyKind[] {
  const funding: FundingPolicy = {
    baseFundPerCommunityFen: config.BASE_FUND_DEFAULT_FEN,
    taskFundDecisionWorkingDays: config.TASK_FUND_DECISION_WORKING_DAYS,
    taskFundReminderAfterWorkingDays: config.TASK_FUND_REMINDER_AFTER_WORKING_DAYS,
    payoutDecisionWorkingDays: config.PAYOUT_DECISION_WORKING_DAYS,
  };
  return [
    {
      kind: FinancePolicyKinds.funding,
      title: '经费标准与审批时限 (base standard default, transfer and payout deadlines)',
      authorRoles: [Roles.FinanceOfficer],
      defaults: funding,
      validate: validateFundingPolicy,
    },
  ];
}
