import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of 双评议: communities rating departments, and the ranking. */
export const EvaluationErrors = defineErrorCodes({
  'evaluation.period-invalid': {
    status: 400,
    description: '`period` is not a year, half, quarter or month (2026, 2026-H1, 2026-Q3, 2026-07)',
  },
  'department.id-unknown': {
    status: 422,
    description: '`departmentId` names no department of the community’s district',
  },
  'department-assessment.ineligible': {
    status: 422,
    description:
      'The annual target assessment (年度目标责任考核) cannot complete: the extension member `unmet` lists each rule not ' +
      'met (`opinion-request`: no closed opinion request about the department for its annual assessment)',
  },
  'department-assessment.completed': {
    status: 409,
    description: 'The department’s annual target assessment of that year is already completed',
  },
});
