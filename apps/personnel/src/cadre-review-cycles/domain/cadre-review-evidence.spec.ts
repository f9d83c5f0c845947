import { describe, expect, it } from '@jest/globals';
import { scoresFromEvidence } from './cadre-review-evidence.js';

describe('scoresFromEvidence', () => {
  it('turns ballots, visits, surveys and the questionnaire into the four sources', () => {
    expect(
      scoresFromEvidence({
        ballots: ['excellent', 'competent', 'competent', 'basically-competent'],
        visits: [
          [90, 80],
          [100, 90],
        ],
        households: [[5, 4], [4]],
        questionnaire: { sampleSize: 50, satisfied: 30, basicallySatisfied: 15 },
      }),
    ).toEqual({ debriefingScore: 80, fieldVisitScore: 90, householdSurveyScore: 81, residentSatisfaction: 90 });
  });

  it('is not ready while a source has no evidence', () => {
    expect(
      scoresFromEvidence({ ballots: ['excellent'], visits: [[90]], households: [], questionnaire: null }),
    ).toBeNull();
  });
});
