import { PolicyDocumentChecks } from '@jianfu/platform';

/** The policy kind holding the annual cadre review's weights, bands and veto. */
export const cadreReviewPolicyKind = 'cadre-review';

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
