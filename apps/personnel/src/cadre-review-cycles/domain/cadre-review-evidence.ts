import type { CadreReviewScores } from '../../cadre-reviews/domain/cadre-review-formula.js';

/** A debriefing ballot (述职评议): 优秀 / 称职 / 基本称职 / 不称职. */
export type BallotGrade = 'excellent' | 'competent' | 'basically-competent' | 'incompetent';
export const ballotGrades: readonly BallotGrade[] = ['excellent', 'competent', 'basically-competent', 'incompetent'];

/**
 * Points of a ballot on the 0–100 scale the district's weights apply to. Labelled defaults: the seeds name the
 * four grades, not their points; the `cadre-review` policy carries weights, bands and veto only.
 */
export const ballotPoints: Record<BallotGrade, number> = {
  excellent: 100,
  competent: 80,
  'basically-competent': 60,
  incompetent: 0,
};

/** A household survey answer: 1 (很不满意) to 5 (很满意); mapped to 0–100 in steps of 25. */
export const surveyScale = { min: 1, max: 5 } as const;

export interface CadreEvidence {
  ballots: BallotGrade[];
  /** Each visit's checklist scores, 0–100. */
  visits: number[][];
  /** Each household's answers on the survey scale. */
  households: number[][];
  questionnaire: { sampleSize: number; satisfied: number; basicallySatisfied: number } | null;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The four sources from the collected evidence, each rounded to a whole point; null while a source has no
 * evidence yet (the review cannot be combined until all four have some).
 */
export function scoresFromEvidence(evidence: CadreEvidence): CadreReviewScores | null {
  const visits = evidence.visits.filter((checklist) => checklist.length > 0);
  const answers = evidence.households.filter((household) => household.length > 0);
  if (evidence.ballots.length === 0 || visits.length === 0 || answers.length === 0 || !evidence.questionnaire) {
    return null;
  }
  const { sampleSize, satisfied, basicallySatisfied } = evidence.questionnaire;
  return {
    debriefingScore: Math.round(mean(evidence.ballots.map((grade) => ballotPoints[grade]))),
    fieldVisitScore: Math.round(mean(visits.map(mean))),
    householdSurveyScore: Math.round(
      mean(answers.map((household) => mean(household.map((answer) => (answer - surveyScale.min) * 25)))),
    ),
    // 居民满意度: satisfied and basically satisfied over the sample.
    residentSatisfaction: Math.round(((satisfied + basicallySatisfied) * 100) / sampleSize),
  };
}
