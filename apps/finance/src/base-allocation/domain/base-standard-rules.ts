import { DomainError } from '@jianfu/platform';
import { BaseAllocationErrors } from './base-allocation.errors.js';

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
}

/**
 * Once a year's base funds were paid at a standard, that standard stays what the year was paid at: a
 * raise goes through a top-up (补差, its own transfers with a reason), and a cut is not possible because
 * nothing paid is taken back in place.
 */
export function assertStandardMayChange(year: number, paidAtFen: number | null, newFen: number): void {
  if (paidAtFen === null || paidAtFen === newFen) return;
  throw DomainError.of(
    BaseAllocationErrors['base-standard.already-allocated'],
    `${year} base funds were already paid at ${yuan(paidAtFen)} yuan per community; ` +
      (newFen > paidAtFen
        ? `raise the standard with a top-up (POST /base-allocations/${year}/top-ups) so communities already paid get the difference`
        : 'a standard below what was paid cannot be set'),
    { field: 'amountFen' },
  );
}

/** A top-up raises the standard the year was paid at, after that allocation finished. */
export function assertTopUpAllowed(
  year: number,
  run: { state: 'running' | 'finished'; amountFen: number } | null,
  toFen: number,
): void {
  if (!run) {
    throw DomainError.of(
      BaseAllocationErrors['base-top-up.nothing-allocated'],
      `No ${year} base allocation has been paid; set the standard and start the allocation (POST /base-allocations/${year})`,
    );
  }
  if (run.state === 'running') {
    throw DomainError.of(
      BaseAllocationErrors['base-allocation.run-in-progress'],
      `The ${year} base allocation is still running; top up once it has finished (GET /base-allocations/${year})`,
    );
  }
  if (toFen <= run.amountFen) {
    throw DomainError.of(
      BaseAllocationErrors['base-top-up.not-a-raise'],
      `A top-up raises the standard: ${year} was paid at ${yuan(run.amountFen)} yuan per community, so amountFen must be above ${run.amountFen}`,
      { field: 'amountFen' },
    );
  }
}
