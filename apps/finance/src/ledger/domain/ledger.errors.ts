import { defineErrorCodes } from '@jianfu/platform';

/** The ledger's refusals: double entry, no account of a holding kind below zero, 专款专用, reversals once. */
export const LedgerErrors = defineErrorCodes({
  'money.invalid-amount': {
    status: 400,
    description: 'An amount is not a whole, non-zero number of fen within 1,000,000,000 yuan; `field` names it',
  },
  'ledger.invalid-transfer-id': { status: 400, description: 'A transfer id must have 1 to 200 characters' },
  'ledger.unbalanced': { status: 400, description: 'A transfer needs two or more postings that sum to zero' },
  'ledger.duplicate-account': { status: 400, description: 'A transfer names one account twice' },
  'ledger.insufficient-funds': {
    status: 422,
    description: 'The transfer would take an account that holds money (not a source) below zero',
  },
  'ledger.earmark-violated': {
    status: 422,
    description: 'Task money (专款) may leave only to spending on its own task, or back to the reservation',
  },
  'ledger.transfer-not-found': { status: 404, description: 'The transfer to reverse does not exist' },
  'ledger.already-reversed': { status: 409, description: 'The transfer has already been reversed' },
  'transfer.not-found': {
    status: 404,
    description: 'No such transfer, or one touching an account outside the caller’s scope',
  },
  'account.not-found': { status: 404, description: 'No such account, or one outside the caller’s scope' },
});
