import { DomainError } from '@jianfu/platform';
import { mayGoNegative, type AccountKind } from './account.js';
import { assertPostable, type Transfer } from './transfer.js';
import { LedgerErrors } from './ledger.errors.js';

/** The balances a transfer touches, as read (and locked) before it is applied. */
export type Balances = ReadonlyMap<string, { kind: AccountKind; balanceFen: number }>;

/**
 * The balances after applying a transfer, or a refusal: an account that may not go negative would end
 * below zero. Pure: the database repository and the in-memory book share this rule.
 */
export function applyTransfer(balances: Balances, transfer: Transfer): Map<string, number> {
  assertPostable(transfer);
  const next = new Map<string, number>();
  for (const posting of transfer.postings) {
    const before = balances.get(posting.account.id)?.balanceFen ?? 0;
    const after = before + posting.amountFen;
    if (after < 0 && !mayGoNegative(posting.account.kind)) {
      throw DomainError.of(
        LedgerErrors['ledger.insufficient-funds'],
        `${posting.account.id} holds ${before} fen; transfer ${transfer.id} would take it to ${after}`,
        { accountId: posting.account.id, balanceFen: before, requiredFen: -posting.amountFen },
      );
    }
    next.set(posting.account.id, after);
  }
  return next;
}

export interface PostedTransfer {
  transfer: Transfer;
  /** True when the id was already posted: the first transfer is returned and nothing moved. */
  replayed: boolean;
}

/**
 * The ledger in memory: the reference model of the rules, used by the property tests and by anything
 * that plans transfers before writing them.
 */
export class LedgerBook {
  private readonly transfers = new Map<string, Transfer>();
  private readonly reversed = new Set<string>();
  private readonly balances = new Map<string, { kind: AccountKind; balanceFen: number }>();
  private readonly postingLog: { transferId: string; accountId: string; amountFen: number }[] = [];

  post(transfer: Transfer): PostedTransfer {
    const existing = this.transfers.get(transfer.id);
    if (existing) return { transfer: existing, replayed: true };
    if (transfer.reverses) {
      if (!this.transfers.has(transfer.reverses)) {
        throw DomainError.of(LedgerErrors['ledger.transfer-not-found'], `Transfer ${transfer.reverses} does not exist`);
      }
      if (this.reversed.has(transfer.reverses)) {
        throw DomainError.of(
          LedgerErrors['ledger.already-reversed'],
          `Transfer ${transfer.reverses} is already reversed`,
        );
      }
    }
    const next = applyTransfer(this.balances, transfer);
    for (const posting of transfer.postings) {
      this.balances.set(posting.account.id, { kind: posting.account.kind, balanceFen: next.get(posting.account.id)! });
      this.postingLog.push({ transferId: transfer.id, accountId: posting.account.id, amountFen: posting.amountFen });
    }
    this.transfers.set(transfer.id, transfer);
    if (transfer.reverses) this.reversed.add(transfer.reverses);
    return { transfer, replayed: false };
  }

  balanceOf(accountId: string): number {
    return this.balances.get(accountId)?.balanceFen ?? 0;
  }

  accounts(): { id: string; kind: AccountKind; balanceFen: number }[] {
    return [...this.balances.entries()].map(([id, account]) => ({ id, ...account }));
  }

  postings(): readonly { transferId: string; accountId: string; amountFen: number }[] {
    return this.postingLog;
  }

  has(transferId: string): boolean {
    return this.transfers.has(transferId);
  }
}
