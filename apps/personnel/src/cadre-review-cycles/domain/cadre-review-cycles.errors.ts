import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the collected annual cadre review (述职评议、实地走访、入户调查、居民满意度). */
export const CadreReviewCycleErrors = defineErrorCodes({
  'cadre-review-cycle.not-found': { status: 404, description: 'No cadre review cycle within the caller’s scope' },
  'cadre-review-cycle.exists': { status: 409, description: 'The street already has a cycle for this year' },
  'cadre-review-cycle.not-collecting': { status: 409, description: 'The cycle no longer takes evidence' },
  'cadre-review-cycle.worker-outside-street': {
    status: 422,
    description: 'The worker does not work in the cycle’s street',
  },
  'cadre-review-cycle.meeting-exists': {
    status: 409,
    description: 'The cadre’s debriefing meeting is already recorded for this cycle',
  },
  'cadre-review-cycle.no-meeting': { status: 422, description: 'No debriefing meeting is recorded for this cadre yet' },
  'cadre-review-cycle.voter-not-attending': {
    status: 422,
    description: 'Only those who attended the debriefing meeting vote',
  },
  'cadre-review-cycle.household-surveyed': {
    status: 409,
    description: 'This household was already surveyed about this cadre in this cycle',
  },
  'cadre-review-cycle.questionnaire-exists': {
    status: 409,
    description: 'The cadre’s satisfaction questionnaire is already recorded for this cycle',
  },
  'cadre-review-cycle.incomplete': {
    status: 422,
    description: 'A cadre lacks evidence for one of the four sources; the extension member `incomplete` names them',
  },
  'cadre-review-cycle.no-proposal': { status: 409, description: 'The cycle has no proposal to act on' },
  'cadre-review-cycle.questionnaire-sum': {
    status: 422,
    description: 'Satisfied, basically satisfied and dissatisfied must add up to the sample size',
  },
});
