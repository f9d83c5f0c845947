import { DomainError } from '@jianfu/platform';
import { LedgerErrors } from './ledger.errors.js';

/**
 * The largest amount one posting may carry: 1 billion yuan in fen. Far above any real transfer of a
 * district, and far below 2^53, so sums of many postings stay exact in JavaScript numbers.
 */
export const maxPostingFen = 100_000_000_000;

/** True for a positive whole number of fen no larger than the sane maximum. */
export function isValidAmountFen(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 && amount <= maxPostingFen;
}

export function assertAmountFen(amount: unknown, field = 'amountFen'): asserts amount is number {
  if (!isValidAmountFen(amount)) {
    throw DomainError.of(
      LedgerErrors['money.invalid-amount'],
      `${field} must be a whole number of fen between 1 and ${maxPostingFen}; got ${String(amount)}`,
      { field },
    );
  }
}
