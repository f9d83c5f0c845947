import { type PolicyKind, Roles } from '@jianfu/platform';
import {
  type AssessmentPolicy,
  assessmentPolicyKind,
  validateAssessmentPolicy,
} from '../assessments/domain/assessment-policy.js';
import type { QuotaRounding } from '../assessments/domain/grade-quotas.js';
import {
  type CadreReviewPolicy,
  cadreReviewPolicyKind,
  validateCadreReviewPolicy,
} from '../cadre-reviews/domain/cadre-review-policy.js';
import type { PersonnelConfig } from '../config.js';
import {
  type HonourAwardPolicy,
  honourAwardPolicyKind,
  validateHonourAwardPolicy,
} from '../honours/domain/honour-award-policy.js';

/**
 * The registry of personnel's policy kinds. Each context owns its policy (document, checks, accessors, in its
 * domain); this folder only gathers them with the deployment's defaults, so it depends on the contexts and no
 * context depends on it.
 */
export const PersonnelPolicyKinds = {
  assessment: assessmentPolicyKind,
  honourAwards: honourAwardPolicyKind,
  cadreReview: cadreReviewPolicyKind,
} as const;

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
