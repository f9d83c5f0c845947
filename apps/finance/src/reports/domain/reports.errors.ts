import { defineErrorCodes } from '@jianfu/platform';

export const ReportErrors = defineErrorCodes({
  'report.period': {
    status: 400,
    description: 'The period is invalid: a year 2000–2100, or from and to as dates (from ≤ to), not both',
  },
  'community.not-found': { status: 404, description: 'No such community within the caller’s scope' },
  'task.not-found': { status: 404, description: 'No such task within the caller’s scope' },
  'budget.not-found': {
    status: 404,
    description: 'No budget of the department for the budget year within the caller’s scope',
  },
});
