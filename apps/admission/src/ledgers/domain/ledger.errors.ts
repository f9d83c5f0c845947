import { defineErrorCodes } from '@jianfu/platform';

/** What the ledger routes refuse (精简台账, seed 002). */
export const LedgerErrors = defineErrorCodes({
  'ledger.not-allowed': {
    status: 422,
    description:
      'The catalogue item named does not allow this ledger (or is not in the current catalogue); recorded as a ' +
      'violation',
  },
  'community.not-found': { status: 404, description: 'No such community within the caller’s district and scope' },
});
