import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '@jianfu/platform';
import { type Account, Accounts, mayGoNegative } from './account.js';
import { LedgerBook } from './ledger-book.js';
import { maxPostingFen } from './money.js';
import { assertBalanced, reversalOf, simpleTransfer, type Transfer } from './transfer.js';

const department = '7d0c1c52-8f43-4d4e-9f0e-2a3c6c1d1a01';
const task = '5b7d5a43-2a59-4d0b-9f3f-6a2f1b0c9e11';
const community = 'c2a1e5d0-7c1b-4a7e-8d4c-3b2a1f0e9d88';

/** A small world of accounts, so random transfers collide on the same balances often. */
const accounts: Account[] = [
  Accounts.districtTreasury('350102'),
  Accounts.residentUnit('unit-1'),
  Accounts.departmentAvailable(department, 2026),
  Accounts.departmentReserved(department, 2026),
  Accounts.communityBase(community),
  Accounts.communityTask(community, task),
  Accounts.communitySpending(community, 'task', task),
  Accounts.communityCoBuilding(community),
  Accounts.workerPayout('worker-1'),
];

type Operation =
  | { kind: 'transfer'; id: number; from: number; to: number; amountFen: number }
  | { kind: 'reverse'; target: number }
  | { kind: 'retry'; target: number; amountFen: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      id: fc.integer({ min: 0, max: 40 }),
      from: fc.integer({ min: 0, max: accounts.length - 1 }),
      to: fc.integer({ min: 0, max: accounts.length - 1 }),
      amountFen: fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 200 })),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('reverse' as const), target: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('retry' as const),
      target: fc.nat(),
      amountFen: fc.integer({ min: 1, max: 5_000_000 }),
    }),
    weight: 2,
  },
);

function snapshot(book: LedgerBook) {
  return { accounts: book.accounts(), postings: book.postings().length };
}

/** Runs an operation; a refusal must be a DomainError and must leave the book untouched. */
function run(book: LedgerBook, posted: Transfer[], op: Operation): void {
  const before = snapshot(book);
  try {
    if (op.kind === 'transfer') {
      if (op.from === op.to) return;
      const transfer = simpleTransfer({
        id: `t-${op.id}`,
        purpose: 'task-disbursement',
        from: accounts[op.from],
        to: accounts[op.to],
        amountFen: op.amountFen,
      });
      const result = book.post(transfer);
      if (!result.replayed) posted.push(transfer);
      else expect(snapshot(book)).toEqual(before);
    } else if (op.kind === 'reverse') {
      if (posted.length === 0) return;
      const reversal = reversalOf(posted[op.target % posted.length]);
      const result = book.post(reversal);
      if (!result.replayed) posted.push(reversal);
    } else {
      if (posted.length === 0) return;
      const first = posted[op.target % posted.length];
      // The same id with different content, as a confused client might send: the first result wins.
      const retry: Transfer = {
        ...first,
        postings: first.postings.map((p) => ({ ...p, amountFen: Math.sign(p.amountFen) * op.amountFen })),
      };
      const result = book.post(retry);
      expect(result).toEqual({ transfer: first, replayed: true });
      expect(snapshot(book)).toEqual(before);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(snapshot(book)).toEqual(before);
  }
}

function assertInvariants(book: LedgerBook): void {
  const balances = book.accounts();
  expect(balances.reduce((sum, account) => sum + account.balanceFen, 0)).toBe(0);
  for (const account of balances) {
    if (!mayGoNegative(account.kind)) expect(account.balanceFen).toBeGreaterThanOrEqual(0);
    const fromPostings = book
      .postings()
      .filter((p) => p.accountId === account.id)
      .reduce((sum, p) => sum + p.amountFen, 0);
    expect(account.balanceFen).toBe(fromPostings);
  }
  const perTransfer = new Map<string, number>();
  for (const posting of book.postings()) {
    perTransfer.set(posting.transferId, (perTransfer.get(posting.transferId) ?? 0) + posting.amountFen);
  }
  for (const sum of perTransfer.values()) expect(sum).toBe(0);
}

describe('the ledger book under random transfers, reversals and retries', () => {
  it('keeps every invariant: zero sum, balances from postings, no forbidden negative, one effect per id', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 80 }), (operations) => {
        const book = new LedgerBook();
        const posted: Transfer[] = [];
        for (const op of operations) {
          run(book, posted, op);
          assertInvariants(book);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reverses a transfer at most once, and a reversal restores the balances it touched', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: maxPostingFen }), (amountFen) => {
        const book = new LedgerBook();
        const treasury = Accounts.districtTreasury('350102');
        const available = Accounts.departmentAvailable(department, 2026);
        const transfer = simpleTransfer({
          id: 'budget',
          purpose: 'budget-appropriation',
          from: treasury,
          to: available,
          amountFen,
        });
        book.post(transfer);
        book.post(reversalOf(transfer));
        expect(book.balanceOf(available.id)).toBe(0);
        expect(book.balanceOf(treasury.id)).toBe(0);
        expect(book.post(reversalOf(transfer)).replayed).toBe(true);
        expect(() => book.post({ ...reversalOf(transfer), id: 'another-reversal' })).toThrow(
          expect.objectContaining({ code: 'ledger.already-reversed' }),
        );
      }),
    );
  });
});

describe('assertBalanced', () => {
  const from = Accounts.districtTreasury('350102');
  const to = Accounts.communityBase(community);

  it.each([
    ['negative', -5],
    ['fractional fen', 1.5],
    ['beyond the maximum', maxPostingFen + 1],
    ['not a number', Number.NaN],
  ])('refuses an amount that is %s', (_label, amountFen) => {
    expect(() => assertBalanced(simpleTransfer({ id: 'x', purpose: 'base-allocation', from, to, amountFen }))).toThrow(
      expect.objectContaining({ code: 'money.invalid-amount', status: 400 }),
    );
  });

  it('refuses postings that do not sum to zero, and a single posting', () => {
    const unbalanced: Transfer = {
      id: 'u',
      purpose: 'base-allocation',
      postings: [
        { account: from, amountFen: -100 },
        { account: to, amountFen: 99 },
      ],
    };
    expect(() => assertBalanced(unbalanced)).toThrow(expect.objectContaining({ code: 'ledger.unbalanced' }));
    expect(() => assertBalanced({ ...unbalanced, postings: [unbalanced.postings[0]] })).toThrow(
      expect.objectContaining({ code: 'ledger.unbalanced' }),
    );
  });
});

describe('earmarked task money (专款专用)', () => {
  const taskAccount = Accounts.communityTask(community, task);

  function fundedBook(): LedgerBook {
    const book = new LedgerBook();
    book.post(
      simpleTransfer({
        id: 'in',
        purpose: 'task-disbursement',
        from: Accounts.districtTreasury('350102'),
        to: taskAccount,
        amountFen: 10_000,
      }),
    );
    return book;
  }

  it('lets task money be spent on its task', () => {
    const book = fundedBook();
    book.post(
      simpleTransfer({
        id: 'spend',
        purpose: 'community-spending',
        from: taskAccount,
        to: Accounts.communitySpending(community, 'task', task),
        amountFen: 4_000,
      }),
    );
    expect(book.balanceOf(taskAccount.id)).toBe(6_000);
  });

  it('refuses spending it on another task or another fund', () => {
    const book = fundedBook();
    for (const to of [
      Accounts.communitySpending(community, 'task', '00000000-0000-4000-8000-000000000000'),
      Accounts.communitySpending(community, 'base-operating'),
      Accounts.communityBase(community),
    ]) {
      expect(() =>
        book.post(
          simpleTransfer({ id: `spend-${to.id}`, purpose: 'community-spending', from: taskAccount, to, amountFen: 1 }),
        ),
      ).toThrow(expect.objectContaining({ code: 'ledger.earmark-violated' }));
    }
    expect(book.balanceOf(taskAccount.id)).toBe(10_000);
  });
});
