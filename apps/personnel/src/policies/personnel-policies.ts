import { PolicyDocumentChecks, type PolicyKind, Roles } from '@jianfu/platform';
import type { BonusTable, BonusTables, CycleKind } from '../assessments/domain/bonus-table.js';
import type { GradeQuotas, QuotaRounding } from '../assessments/domain/grade-quotas.js';
import type { PersonnelConfig } from '../config.js';
import type { HonourAwardTable } from '../honours/domain/honour-awards.js';

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

/** Personnel's `honour-awards` policy: the one-off award per honour level, in fen. */
export interface HonourAwardPolicy {
  nationalFen: number;
  provincialFen: number;
  cityFen: number;
}

/** Personnel's `cadre-review` policy: the weights of the four sources, the bands and the residents' veto. */
export interface CadreReviewPolicy {
  weightsPercent: {
    debriefingScore: number;
    fieldVisitScore: number;
    householdSurveyScore: number;
    residentSatisfaction: number;
  };
  excellentFrom: number;
  goodFrom: number;
  qualifiedFrom: number;
  satisfactionVetoPercent: number;
}

export const PersonnelPolicyKinds = {
  assessment: 'assessment',
  honourAwards: 'honour-awards',
  cadreReview: 'cadre-review',
} as const;

/** 100,000 yuan: above any bonus or award the seeds name, so a slipped digit is refused. */
const maxAmountFen = 10_000_000;
const grades = ['qualified', 'good', 'excellent'] as const;

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

export function honourAwardTableOf(policy: HonourAwardPolicy): HonourAwardTable {
  return { national: policy.nationalFen, provincial: policy.provincialFen, city: policy.cityFen };
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

export function validateHonourAwardPolicy(document: unknown): PolicyDocumentChecks['violations'] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['nationalFen', 'provincialFen', 'cityFen'])) return checks.violations;
  const amount = { min: 0, max: maxAmountFen, rule: 'amount-range', missingRule: 'level-missing' };
  checks.descending(
    [
      ['nationalFen', checks.integer('nationalFen', amount)],
      ['provincialFen', checks.integer('provincialFen', amount)],
      ['cityFen', checks.integer('cityFen', amount)],
    ],
    'award-rises-with-level',
    'A higher level of honour never pays less',
  );
  return checks.violations;
}

export function validateCadreReviewPolicy(document: unknown): PolicyDocumentChecks['violations'] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['weightsPercent', 'excellentFrom', 'goodFrom', 'qualifiedFrom', 'satisfactionVetoPercent'])) {
    return checks.violations;
  }
  const sources = ['debriefingScore', 'fieldVisitScore', 'householdSurveyScore', 'residentSatisfaction'] as const;
  if (checks.object('weightsPercent', sources)) {
    const weights = sources.map((source) =>
      checks.integer(`weightsPercent.${source}`, { min: 0, max: 100, rule: 'percent-at-most-100' }),
    );
    if (weights.every((weight) => weight !== undefined)) {
      const sum = weights.reduce((total, weight) => total + weight, 0);
      if (sum !== 100) checks.fail('weightsPercent', 'weights-sum-to-100', `The weights add up to ${sum}, not 100`);
    }
  }
  const score = { min: 1, max: 100, rule: 'score-range' };
  checks.descending(
    [
      ['excellentFrom', checks.integer('excellentFrom', score)],
      ['goodFrom', checks.integer('goodFrom', score)],
      ['qualifiedFrom', checks.integer('qualifiedFrom', score)],
    ],
    'bands-descend',
    'A better result never needs a lower composite',
  );
  checks.integer('satisfactionVetoPercent', { min: 0, max: 100, rule: 'percent-at-most-100' });
  return checks.violations;
}

/**
 * Personnel's policy kinds with the deployment's defaults: the seeds' figures (鼓楼区: 优秀 20%, 良好 60%,
 * 900–1,300 yuan a month, 1,200–2,400 a year; honours 10,000 / 5,000 / 3,000) unless the environment
 * overrides them, and the cadre review as 包头's 述职评议, 实地走访, 入户调查 and resident satisfaction.
 */
export function personnelPolicyKinds(config: PersonnelConfig): PolicyKind[] {
  const authorRoles = [Roles.HrOfficer];
  const assessment: AssessmentPolicy = {
    excellentQuotaPercent: config.ASSESSMENT_EXCELLENT_QUOTA_PERCENT,
    goodQuotaPercent: config.ASSESSMENT_GOOD_QUOTA_PERCENT,
    quotaRounding: config.ASSESSMENT_QUOTA_ROUNDING as QuotaRounding,
    monthlyBonusFen: {
      qualified: config.MONTHLY_BONUS_QUALIFIED_FEN,
      good: config.MONTHLY_BONUS_GOOD_FEN,
      excellent: config.MONTHLY_BONUS_EXCELLENT_FEN,
    },
    annualBonusFen: {
      qualified: config.ANNUAL_BONUS_QUALIFIED_FEN,
      good: config.ANNUAL_BONUS_GOOD_FEN,
      excellent: config.ANNUAL_BONUS_EXCELLENT_FEN,
    },
    openCyclePaysBy: 'table-at-opening',
  };
  const honourAwards: HonourAwardPolicy = {
    nationalFen: config.HONOUR_AWARD_NATIONAL_FEN,
    provincialFen: config.HONOUR_AWARD_PROVINCIAL_FEN,
    cityFen: config.HONOUR_AWARD_CITY_FEN,
  };
  const cadreReview: CadreReviewPolicy = {
    weightsPercent: { debriefingScore: 40, fieldVisitScore: 20, householdSurveyScore: 20, residentSatisfaction: 20 },
    excellentFrom: 90,
    goodFrom: 80,
    qualifiedFrom: 60,
    satisfactionVetoPercent: 60,
  };
  return [
    {
      kind: PersonnelPolicyKinds.assessment,
      title: '考核名额与绩效奖金 (quotas, rounding, monthly and annual bonus tables)',
      authorRoles,
      defaults: assessment,
      validate: validateAssessmentPolicy,
    },
    {
      kind: PersonnelPolicyKinds.honourAwards,
      title: '荣誉奖励 (one-off award per honour level)',
      authorRoles,
      defaults: honourAwards,
      validate: validateHonourAwardPolicy,
    },
    {
      kind: PersonnelPolicyKinds.cadreReview,
      title: '年度干部考评 (weights, bands, residents’ veto)',
      authorRoles,
      defaults: cadreReview,
      validate: validateCadreReviewPolicy,
    },
  ];
}
