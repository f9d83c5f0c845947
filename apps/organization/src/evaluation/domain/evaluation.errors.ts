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
});
