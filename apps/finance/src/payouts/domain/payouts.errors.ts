import { defineErrorCodes } from '@jianfu/platform';

export const PayoutErrors = defineErrorCodes({
  'payout-batch.not-found': { status: 404, description: 'No such payout batch within the caller’s scope' },
});
