import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of assessment cycles (月度/年度考核). */
export const AssessmentErrors = defineErrorCodes({
  'assessment-cycle.not-found': { status: 404, description: 'No such assessment cycle within the caller’s scope' },
  'assessment.period-invalid': {
    status: 400,
    description: 'The period does not fit the kind: YYYY-MM for a monthly cycle, YYYY for an annual one',
  },
  'assessment.cycle-exists': { status: 409, description: 'The unit already has a cycle of this kind for the period' },
  'assessment.cohort-overlap': {
    status: 409,
    description: 'Some of the unit’s workers are already in another cycle of this kind for the period',
  },
  'assessment.cohort-empty': { status: 422, description: 'The unit has no workers to assess' },
  'assessment.cycle-not-open': {
    status: 409,
    description: 'The cycle is awaiting approval to close or finalised; its grades no longer change',
  },
  'assessment.grade-duplicated': { status: 400, description: 'A worker is graded twice in one batch' },
  'assessment.worker-outside-cohort': { status: 422, description: 'A graded worker is not in the cycle’s cohort' },
  'assessment.grades-missing': { status: 409, description: 'Closing is refused while cohort members are ungraded' },
  'assessment.quota-exceeded': {
    status: 409,
    description: 'Closing is refused while 优秀 or 良好 is given to more workers than its quota allows',
  },
});
