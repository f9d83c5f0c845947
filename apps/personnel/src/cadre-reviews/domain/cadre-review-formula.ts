import type { PerformanceGrade } from '@jianfu/contracts';

/** The four sources of the annual cadre review (年度干部考评), each scored 0–100. */
export interface CadreReviewScores {
  /** 述职评议: the debriefing before the street committee and resident representatives. */
  debriefingScore: number;
  /** 实地走访: the reviewers' visit to the community. */
  fieldVisitScore: number;
  /** 入户调查: the household survey. */
  householdSurveyScore: number;
  /** 居民满意度: share of surveyed residents satisfied, in percent. */
  residentSatisfaction: number;
}

/** Weights in percent; they add up to 100. */
export const cadreReviewWeights = {
  debriefingScore: 40,
  fieldVisitScore: 20,
  householdSurveyScore: 20,
  residentSatisfaction: 20,
} as const;

/** Below this resident satisfaction the result is 不合格 whatever the other scores. */
export const satisfactionVeto = 60;

export const cadreReviewBands: readonly { atLeastTenths: number; result: PerformanceGrade }[] = [
  { atLeastTenths: 900, result: 'excellent' },
  { atLeastTenths: 800, result: 'good' },
  { atLeastTenths: 600, result: 'qualified' },
];

/**
 * composite = 40% 述职评议 + 20% 实地走访 + 20% 入户调查 + 20% 居民满意度, kept in tenths of a point so
 * integer scores combine exactly. 优秀 from 90, 良好 from 80, 合格 from 60; resident satisfaction under
 * 60% makes the result 不合格 regardless (the residents' veto).
 */
export function combineCadreReview(scores: CadreReviewScores): { compositeTenths: number; result: PerformanceGrade } {
  const compositeTenths =
    (scores.debriefingScore * cadreReviewWeights.debriefingScore +
      scores.fieldVisitScore * cadreReviewWeights.fieldVisitScore +
      scores.householdSurveyScore * cadreReviewWeights.householdSurveyScore +
      scores.residentSatisfaction * cadreReviewWeights.residentSatisfaction) /
    10;
  if (scores.residentSatisfaction < satisfactionVeto) return { compositeTenths, result: 'unqualified' };
  const band = cadreReviewBands.find((candidate) => compositeTenths >= candidate.atLeastTenths);
  return { compositeTenths, result: band?.result ?? 'unqualified' };
}
