import { PolicyDocumentChecks } from '@jianfu/platform';
import type { BonusTable, BonusTables, CycleKind } from './bonus-table.js';
import type { GradeQuotas, QuotaRounding } from './grade-quotas.js';

/** The policy kind (district policy, two-person publishing) holding the quotas and bonus tables. */
export const assessmentPolicyKind = 'assessment';

/** 100,000 yuan: above any bonus the seeds name, so a slipped digit is refused. */
const maxAmountFen = 10_000_000;
const grades = ['qualified', 'good', 'excellent'] as const;

/**
 * When an assessment cycle's bonuses are settled: by the table of the version in force when the cycle
 * opened (the default: graders and workers know what a grade pays while they grade), or by the one in force
 * when the closing is approved.
 */
export type OpenCyclePaysBy = 'table-at-opening' | 'table-at-settlement';

/** Personnel's `assessment` policy: quotas, their rounding and the bonus tables (月度/年度考核). */
export interface AssessmentPolicy {
  excellentQuotaPercent: number;
  goodQuotaPercent: number;
  quotaRounding: QuotaRounding;
  monthlyBonusFen: BonusTable;
  annualBonusFen: BonusTable;
  openCyclePaysBy: OpenCyclePaysBy;
}

export function quotasOf(policy: AssessmentPolicy): GradeQuotas {
  return {
    excellentPercent: policy.excellentQuotaPercent,
    goodPercent: policy.goodQuotaPercent,
    rounding: policy.quotaRounding,
  };
}

export function bonusTablesOf(policy: AssessmentPolicy): BonusTables {
  return { monthly: policy.monthlyBonusFen, annual: policy.annualBonusFen };
}

export function bonusTableFor(policy: AssessmentPolicy, kind: CycleKind): BonusTable {
  return kind === 'monthly' ? policy.monthlyBonusFen : policy.annualBonusFen;
}

function checkBonusTable(checks: PolicyDocumentChecks, path: string): void {
  if (!checks.object(path, grades)) return;
  const [qualified, good, excellent] = grades.map((grade) =>
    checks.integer(`${path}.${grade}`, {
      min: 0,
      max: maxAmountFen,
      rule: 'amount-range',
      missingRule: 'grade-missing',
    }),
  );
  checks.descending(
    [
      [`${path}.excellent`, excellent],
      [`${path}.good`, good],
      [`${path}.qualified`, qualified],
    ],
    'bonus-rises-with-grade',
    'A better grade never earns less',
  );
}

export function validateAssessmentPolicy(document: unknown): PolicyDocumentChecks['violations'] {
  const checks = new PolicyDocumentChecks(document);
  if (
    !checks.object('', [
      'excellentQuotaPercent',
      'goodQuotaPercent',
      'quotaRounding',
      'monthlyBonusFen',
      'annualBonusFen',
      'openCyclePaysBy',
    ])
  ) {
    return checks.violations;
  }
  const percent = { min: 0, max: 100, rule: 'percent-at-most-100' };
  const excellent = checks.integer('excellentQuotaPercent', percent);
  const good = checks.integer('goodQuotaPercent', percent);
  if (excellent !== undefined && good !== undefined && excellent + good > 100) {
    checks.fail(
      'goodQuotaPercent',
      'quotas-within-cohort',
      `优秀 ${excellent}% and 良好 ${good}% together exceed the whole cohort (100%)`,
    );
  }
  checks.oneOf('quotaRounding', ['floor', 'round', 'ceil']);
  checkBonusTable(checks, 'monthlyBonusFen');
  checkBonusTable(checks, 'annualBonusFen');
  checks.oneOf('openCyclePaysBy', ['table-at-opening', 'table-at-settlement']);
  return checks.violations;
}
