import { defineErrorCodes } from '@jianfu/platform';

/** What the department budgets context refuses; a bad department id or year answers 400 `request.invalid`. */
export const BudgetErrors = defineErrorCodes({
  'budget.not-found': {
    status: 404,
    description:
      'Finance announced no budget of that department for that year, or it is not one the caller may see ' +
      '(a department user sees its own department’s)',
  },
});
