import { Injectable } from '@nestjs/common';
import { DomainError, fenOf, type Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { type Account, type AccountKind, mayGoNegative } from '../domain/account.js';
import { applyTransfer, type PostedTransfer } from '../domain/ledger-book.js';
import { assertPostable, type Transfer, type TransferPurpose } from '../domain/transfer.js';
import { LedgerErrors } from '../domain/ledger.errors.js';

const uniqueViolation = '23505';

export interface AccountBalance {
  id: string;
  kind: AccountKind;
  ownerId: string;
  year: number | null;
  taskId: string | null;
  balanceFen: number;
}

export interface StoredPosting {
  transferId: string;
  accountId: string;
  amountFen: number;
  purpose: TransferPurpose;
  /** Why the money moved, where the transfer says (a top-up's reason). */
  memo: string | null;
  postedAt: Date;
}

interface AccountRow {
  id: string;
  kind: AccountKind;
  owner_id: string;
  year: number | null;
  task_id: string | null;
  balance_fen: string;
}

interface TransferRow {
  id: string;
  purpose: TransferPurpose;
  reference: string | null;
  memo: string | null;
  reverses: string | null;
}

function toBalance(row: AccountRow): AccountBalance {
  return {
    id: row.id,
    kind: row.kind,
    ownerId: row.owner_id,
    year: row.year,
    taskId: row.task_id,
    balanceFen: fenOf(row.balance_fen),
  };
}

/**
 * The ledger tables. Every write goes through `post`, which runs inside the caller's transaction: the
 * transfer row (whose primary key is the idempotency key), its postings and the new running balances of
 * the accounts it touches, read under `FOR UPDATE` in id order so concurrent transfers queue per account
 * and never deadlock. A transfer id already present returns the stored transfer and moves nothing.
 */
@Injectable()
export class LedgerRepository {
  async post(tx: Transaction, transfers: Transfer[]): Promise<PostedTransfer[]> {
    // A refused batch leaves no trace even when the caller catches the refusal and commits other work.
    await entityManagerOf(tx).query('SAVEPOINT ledger_post');
    try {
      const results = await this.postWithinSavepoint(tx, transfers);
      await entityManagerOf(tx).query('RELEASE SAVEPOINT ledger_post');
      return results;
    } catch (error) {
      await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT ledger_post');
      throw error;
    }
  }

  private async postWithinSavepoint(tx: Transaction, transfers: Transfer[]): Promise<PostedTransfer[]> {
    const byId = new Map<string, Transfer>();
    for (const transfer of transfers) {
      if (!byId.has(transfer.id)) byId.set(transfer.id, transfer);
    }
    const unique = [...byId.values()];
    unique.forEach(assertPostable);
    if (unique.length === 0) return [];

    await this.assertReversible(tx, unique);
    // Inserted in id order, so two batches sharing ids wait for each other rather than deadlock.
    const ordered = [...unique].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let insertedRows: { id: string }[];
    try {
      insertedRows = await entityManagerOf(tx).query(
        `INSERT INTO ledger_transfer (id, purpose, reference, memo, reverses)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [
          ordered.map((t) => t.id),
          ordered.map((t) => t.purpose),
          ordered.map((t) => t.reference ?? null),
          ordered.map((t) => t.memo ?? null),
          ordered.map((t) => t.reverses ?? null),
        ],
      );
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) {
        throw DomainError.of(
          LedgerErrors['ledger.already-reversed'],
          'A transfer of this batch was reversed meanwhile',
        );
      }
      throw error;
    }
    const inserted = new Set(insertedRows.map((row) => row.id));
    const fresh = unique.filter((t) => inserted.has(t.id));
    const replayedIds = unique.filter((t) => !inserted.has(t.id)).map((t) => t.id);

    if (fresh.length > 0) await this.applyPostings(tx, fresh);
    const stored = await this.findTransfers(tx, replayedIds);
    const results = new Map<string, PostedTransfer>();
    for (const transfer of fresh) results.set(transfer.id, { transfer, replayed: false });
    for (const transfer of stored) results.set(transfer.id, { transfer, replayed: true });
    return unique.map((t) => results.get(t.id)!);
  }

  /** Posts one transfer; see `post`. */
  async postOne(tx: Transaction, transfer: Transfer): Promise<PostedTransfer> {
    const [result] = await this.post(tx, [transfer]);
    return result;
  }

  private async assertReversible(tx: Transaction, transfers: Transfer[]): Promise<void> {
    const reversals = transfers.filter((t) => t.reverses);
    if (reversals.length === 0) return;
    const rows: { id: string; reversed_by: string | null }[] = await queryRows(
      tx,
      `SELECT t.id, r.id AS reversed_by FROM ledger_transfer t
       LEFT JOIN ledger_transfer r ON r.reverses = t.id
       WHERE t.id = ANY($1::text[])`,
      [reversals.map((t) => t.reverses)],
    );
    const found = new Map(rows.map((row) => [row.id, row.reversed_by]));
    for (const reversal of reversals) {
      if (!found.has(reversal.reverses!)) {
        throw DomainError.of(LedgerErrors['ledger.transfer-not-found'], `Transfer ${reversal.reverses} does not exist`);
      }
      const reversedBy = found.get(reversal.reverses!);
      if (reversedBy && reversedBy !== reversal.id) {
        throw DomainError.of(
          LedgerErrors['ledger.already-reversed'],
          `Transfer ${reversal.reverses} is already reversed`,
        );
      }
    }
  }

  private async applyPostings(tx: Transaction, transfers: Transfer[]): Promise<void> {
    const accounts = new Map<string, Account>();
    for (const posting of transfers.flatMap((t) => t.postings)) accounts.set(posting.account.id, posting.account);
    const opened = [...accounts.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    await entityManagerOf(tx).query(
      `INSERT INTO ledger_account (id, kind, owner_id, year, task_id, may_go_negative)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::uuid[], $6::boolean[])
       ON CONFLICT (id) DO NOTHING`,
      [
        opened.map((a) => a.id),
        opened.map((a) => a.kind),
        opened.map((a) => a.ownerId),
        opened.map((a) => a.year ?? null),
        opened.map((a) => a.taskId ?? null),
        opened.map((a) => mayGoNegative(a.kind)),
      ],
    );
    const locked: AccountRow[] = await queryRows(
      tx,
      `SELECT id, kind, balance_fen FROM ledger_account WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [opened.map((a) => a.id)],
    );
    const balances = new Map(locked.map((row) => [row.id, { kind: row.kind, balanceFen: fenOf(row.balance_fen) }]));
    for (const transfer of transfers) {
      for (const [id, balanceFen] of applyTransfer(balances, transfer)) {
        balances.set(id, { kind: balances.get(id)!.kind, balanceFen });
      }
    }
    const postings = transfers.flatMap((t) => t.postings.map((p) => ({ transferId: t.id, ...p })));
    await entityManagerOf(tx).query(
      `INSERT INTO ledger_posting (transfer_id, account_id, amount_fen)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])`,
      [postings.map((p) => p.transferId), postings.map((p) => p.account.id), postings.map((p) => p.amountFen)],
    );
    await entityManagerOf(tx).query(
      `UPDATE ledger_account a SET balance_fen = v.balance_fen
       FROM unnest($1::text[], $2::bigint[]) AS v(id, balance_fen) WHERE a.id = v.id`,
      [[...balances.keys()], [...balances.values()].map((b) => b.balanceFen)],
    );
  }

  async findTransfers(tx: Transaction, ids: string[]): Promise<Transfer[]> {
    if (ids.length === 0) return [];
    const rows: TransferRow[] = await queryRows(
      tx,
      'SELECT id, purpose, reference, memo, reverses FROM ledger_transfer WHERE id = ANY($1::text[])',
      [ids],
    );
    const postings: (AccountRow & { transfer_id: string; amount_fen: string })[] = await queryRows(
      tx,
      `SELECT p.transfer_id, p.amount_fen, a.id, a.kind, a.owner_id, a.year, a.task_id, a.balance_fen
       FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
       WHERE p.transfer_id = ANY($1::text[]) ORDER BY p.id`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      purpose: row.purpose,
      ...(row.reference ? { reference: row.reference } : {}),
      ...(row.memo ? { memo: row.memo } : {}),
      ...(row.reverses ? { reverses: row.reverses } : {}),
      postings: postings
        .filter((p) => p.transfer_id === row.id)
        .map((p) => ({
          account: {
            id: p.id,
            kind: p.kind,
            ownerId: p.owner_id,
            ...(p.year !== null ? { year: p.year } : {}),
            ...(p.task_id ? { taskId: p.task_id } : {}),
          },
          amountFen: fenOf(p.amount_fen),
        })),
    }));
  }

  async findTransfer(tx: Transaction, id: string): Promise<Transfer | null> {
    const [transfer] = await this.findTransfers(tx, [id]);
    return transfer ?? null;
  }

  async balances(tx: Transaction, accountIds: string[]): Promise<AccountBalance[]> {
    const rows: AccountRow[] = await queryRows(
      tx,
      `SELECT id, kind, owner_id, year, task_id, balance_fen FROM ledger_account WHERE id = ANY($1::text[]) ORDER BY id`,
      [accountIds],
    );
    return rows.map(toBalance);
  }

  async balanceOf(tx: Transaction, accountId: string): Promise<number> {
    const [account] = await this.balances(tx, [accountId]);
    return account?.balanceFen ?? 0;
  }

  /** What each account received (net, reversals included) from transfers carrying `reference`. */
  async netByReference(tx: Transaction, accountIds: string[], reference: string): Promise<Map<string, number>> {
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; net: string }[] = await queryRows(
      tx,
      // Driven from the accounts' postings, each transfer found by its key: a join let the planner start from the
      // reference instead, hashing every transfer a run has made (100,000 in a large district) for each page of 500
      // whenever the table's statistics lagged behind a run that had just written them.
      `SELECT p.account_id, sum(p.amount_fen) AS net
       FROM ledger_posting p
       WHERE p.account_id = ANY($1::text[])
         AND (SELECT t.reference FROM ledger_transfer t WHERE t.id = p.transfer_id) = $2
       GROUP BY p.account_id`,
      [accountIds, reference],
    );
    return new Map(rows.map((row) => [row.account_id, Number(row.net)]));
  }

  async accountsOf(tx: Transaction, ownerId: string): Promise<AccountBalance[]> {
    const rows: AccountRow[] = await queryRows(
      tx,
      `SELECT id, kind, owner_id, year, task_id, balance_fen FROM ledger_account WHERE owner_id = $1 ORDER BY id`,
      [ownerId],
    );
    return rows.map(toBalance);
  }

  async statement(
    tx: Transaction,
    accountId: string,
    page: { offset: number; limit: number },
  ): Promise<StoredPosting[]> {
    const rows: {
      transfer_id: string;
      account_id: string;
      amount_fen: string;
      purpose: TransferPurpose;
      memo: string | null;
      posted_at: Date;
    }[] = await queryRows(
      tx,
      `SELECT p.transfer_id, p.account_id, p.amount_fen, t.purpose, t.memo, t.posted_at
         FROM ledger_posting p JOIN ledger_transfer t ON t.id = p.transfer_id
         WHERE p.account_id = $1 ORDER BY p.id LIMIT $2 OFFSET $3`,
      [accountId, page.limit, page.offset],
    );
    return rows.map((row) => ({
      transferId: row.transfer_id,
      accountId: row.account_id,
      amountFen: fenOf(row.amount_fen),
      purpose: row.purpose,
      memo: row.memo,
      postedAt: row.posted_at,
    }));
  }

  async postingCount(tx: Transaction, accountId: string): Promise<number> {
    const [{ total }]: { total: string }[] = await queryRows(
      tx,
      'SELECT count(*) AS total FROM ledger_posting WHERE account_id = $1',
      [accountId],
    );
    return Number(total);
  }
}
