import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of annual cadre reviews. */
export const CadreReviewErrors = defineErrorCodes({
  'cadre-review.exists': { status: 409, description: 'The worker’s review for the year is already recorded' },
});
