import { defineErrorCodes } from '@jianfu/platform';

export const BudgetErrors = defineErrorCodes({
  'budget.not-found': {
    status: 404,
    description:
      'No budget of the department for the year within the caller’s scope (or a department of another district)',
  },
  'budget.below-committed': {
    status: 422,
    description: 'The approved budget cannot go below what is already reserved or paid',
  },
});
