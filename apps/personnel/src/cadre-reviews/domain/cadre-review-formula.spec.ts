import { describe, expect, it } from '@jest/globals';
import { PersonnelConfig } from '../../config.js';
import { personnelPolicyKinds } from '../../policies/personnel-policies.js';
import type { CadreReviewPolicy } from './cadre-review-policy.js';
import { type CadreReviewScores, combineCadreReview as combine } from './cadre-review-formula.js';

const defaults = personnelPolicyKinds(new PersonnelConfig()).find((kind) => kind.kind === 'cadre-review')!
  .defaults as CadreReviewPolicy;
const combineCadreReview = (scores: CadreReviewScores) => combine(scores, defaults);

describe('combineCadreReview', () => {
  it('weights 述职评议 40% and the other three 20% each, in tenths of a point', () => {
    expect(
      combineCadreReview({
        debriefingScore: 95,
        fieldVisitScore: 88,
        householdSurveyScore: 91,
        residentSatisfaction: 97,
      }),
    ).toEqual({ compositeTenths: 932, result: 'excellent' });
    expect(
      combineCadreReview({
        debriefingScore: 81,
        fieldVisitScore: 77,
        householdSurveyScore: 79,
        residentSatisfaction: 83,
      }),
    ).toEqual({ compositeTenths: 802, result: 'good' });
  });

  it('places the bands at 90, 80 and 60', () => {
    const result = (score: number) =>
      combineCadreReview({
        debriefingScore: score,
        fieldVisitScore: score,
        householdSurveyScore: score,
        residentSatisfaction: Math.max(score, 60),
      }).result;
    expect(result(90)).toBe('excellent');
    expect(result(89)).toBe('good');
    expect(result(60)).toBe('qualified');
  });

  it('lets residents veto: satisfaction under 60% is 不合格 whatever the rest', () => {
    expect(
      combineCadreReview({
        debriefingScore: 100,
        fieldVisitScore: 100,
        householdSurveyScore: 100,
        residentSatisfaction: 59,
      }),
    ).toEqual({ compositeTenths: 918, result: 'unqualified' });
  });
});

describe('combineCadreReview by a district’s own policy', () => {
  it('weights, bands and veto come from the policy', () => {
    const policy: CadreReviewPolicy = {
      weightsPercent: { debriefingScore: 30, fieldVisitScore: 20, householdSurveyScore: 20, residentSatisfaction: 30 },
      excellentFrom: 85,
      goodFrom: 75,
      qualifiedFrom: 60,
      satisfactionVetoPercent: 70,
    };
    const scores = { debriefingScore: 80, fieldVisitScore: 90, householdSurveyScore: 90, residentSatisfaction: 90 };
    expect(combine(scores, policy)).toEqual({ compositeTenths: 870, result: 'excellent' });
    expect(combine(scores, defaults)).toEqual({ compositeTenths: 860, result: 'good' });
    expect(combine({ ...scores, residentSatisfaction: 65 }, policy).result).toBe('unqualified');
  });
});
