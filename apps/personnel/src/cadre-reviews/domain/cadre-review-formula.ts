import type { PerformanceGrade } from '@jianfu/contracts';
import type { CadreReviewPolicy } from './cadre-review-policy.js';

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

/**
 * composite = Σ weight% × source (the district's `cadre-review` policy; by default 40% 述职评议 and 20% each
 * 实地走访, 入户调查, 居民满意度), kept in tenths of a point so integer scores combine exactly. 优秀, 良好 and
 * 合格 from the policy's bands (90, 80, 60); resident satisfaction under the veto (60%) makes the result
 * 不合格 regardless (the residents' veto).
 */
export function combineCadreReview(
  scores: CadreReviewScores,
  policy: CadreReviewPolicy,
): { compositeTenths: number; result: PerformanceGrade } {
  const weights = policy.weightsPercent;
  const compositeTenths =
    (scores.debriefingScore * weights.debriefingScore +
      scores.fieldVisitScore * weights.fieldVisitScore +
      scores.householdSurveyScore * weights.householdSurveyScore +
      scores.residentSatisfaction * weights.residentSatisfaction) /
    10;
  if (scores.residentSatisfaction < policy.satisfactionVetoPercent) return { compositeTenths, result: 'unqualified' };
  const bands: [number, PerformanceGrade][] = [
    [policy.excellentFrom, 'excellent'],
    [policy.goodFrom, 'good'],
    [policy.qualifiedFrom, 'qualified'],
  ];
  const band = bands.find(([from]) => compositeTenths >= from * 10);
  return { compositeTenths, result: band?.[1] ?? 'unqualified' };
}
