import { DomainError } from '@jianfu/platform';
import type { Account } from './account.js';
import { assertAmountFen, maxPostingFen } from './money.js';
import { LedgerErrors } from './ledger.errors.js';

/** One line of a transfer: money into (positive) or out of (negative) an account. Never edited. */
export interface Posting {
  account: Account;
  amountFen: number;
}

/** Why money moved; reports group by it. */
export type TransferPurpose =
  | 'budget-appropriation'
  | 'budget-reservation'
  | 'budget-release'
  | 'task-disbursement'
  | 'base-allocation'
  /** 补差: the difference a raised base standard owes a community already paid for the year. */
  | 'base-top-up'
  | 'party-building-allocation'
  /** 追加: more party-building money for a community and year that already had its allocation. */
  | 'party-building-top-up'
  | 'co-building-receipt'
  | 'community-spending'
  | 'payout'
  | 'reversal';

/**
 * A set of postings that moves money in one step. Its id is the idempotency key: posting a transfer
 * whose id the ledger already holds returns the first result and moves nothing.
 */
export interface Transfer {
  id: string;
  purpose: TransferPurpose;
  postings: Posting[];
  /** The business object the money moved for (a task, an allocation, a payout batch). */
  reference?: string;
  memo?: string;
  /** The transfer this one undoes; a transfer is reversed at most once. */
  reverses?: string;
}

/**
 * Double entry: at least two postings, each a non-zero whole number of fen within bounds, summing to
 * zero (debits equal credits), and no account named twice.
 */
export function assertBalanced(transfer: Transfer): void {
  if (!transfer.id || transfer.id.length > 200) {
    throw DomainError.of(LedgerErrors['ledger.invalid-transfer-id'], 'A transfer needs an id of 1 to 200 characters');
  }
  if (transfer.postings.length < 2) {
    throw DomainError.of(LedgerErrors['ledger.unbalanced'], `Transfer ${transfer.id} needs at least two postings`);
  }
  const seen = new Set<string>();
  let sum = 0;
  for (const posting of transfer.postings) {
    const amount = posting.amountFen;
    if (!Number.isSafeInteger(amount) || amount === 0 || Math.abs(amount) > maxPostingFen) {
      throw DomainError.of(
        LedgerErrors['money.invalid-amount'],
        `Transfer ${transfer.id}: ${String(amount)} is not a whole, non-zero number of fen within ${maxPostingFen}`,
      );
    }
    if (seen.has(posting.account.id)) {
      throw DomainError.of(
        LedgerErrors['ledger.duplicate-account'],
        `Transfer ${transfer.id} names ${posting.account.id} twice`,
      );
    }
    seen.add(posting.account.id);
    sum += amount;
  }
  if (sum !== 0) {
    throw DomainError.of(
      LedgerErrors['ledger.unbalanced'],
      `Transfer ${transfer.id} does not balance: postings sum to ${sum} fen`,
    );
  }
}

/**
 * 专款专用: money leaving a task's account may go only to spending on that same task, or back to a
 * department's reserved budget when a disbursement is undone.
 */
export function assertEarmarksRespected(transfer: Transfer): void {
  const leavingTasks = transfer.postings.filter((p) => p.account.kind === 'community-task' && p.amountFen < 0);
  for (const leaving of leavingTasks) {
    const taskId = leaving.account.taskId;
    const allowed = transfer.postings
      .filter((p) => p.amountFen > 0)
      .every(
        (p) =>
          (p.account.kind === 'community-spending' && p.account.taskId === taskId) ||
          p.account.kind === 'department-reserved',
      );
    if (!allowed) {
      throw DomainError.of(
        LedgerErrors['ledger.earmark-violated'],
        `Task money in ${leaving.account.id} may be spent only on task ${taskId}`,
      );
    }
  }
}

/** Any transfer the ledger accepts: balanced and respecting earmarks. */
export function assertPostable(transfer: Transfer): void {
  assertBalanced(transfer);
  assertEarmarksRespected(transfer);
}

/** The transfer that undoes another: the same accounts with the signs flipped. */
export function reversalOf(transfer: Transfer, memo?: string): Transfer {
  return {
    id: `reversal:${transfer.id}`,
    purpose: 'reversal',
    postings: transfer.postings.map((p) => ({ account: p.account, amountFen: -p.amountFen })),
    reverses: transfer.id,
    ...(transfer.reference ? { reference: transfer.reference } : {}),
    ...(memo ? { memo } : {}),
  };
}

/** A transfer of one positive amount from one account to another, the common case. */
export function simpleTransfer(
  fields: Omit<Transfer, 'postings'> & { from: Account; to: Account; amountFen: number },
): Transfer {
  const { from, to, amountFen, ...rest } = fields;
  // A negative amount would silently turn the direction of the transfer round.
  assertAmountFen(amountFen);
  return {
    ...rest,
    postings: [
      { account: from, amountFen: -amountFen },
      { account: to, amountFen },
    ],
  };
}
