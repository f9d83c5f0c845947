import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { AllocationLine, CommunityMoney, FundAmounts, FundKey } from '../domain/money-report.js';
import type { ReportPeriod } from '../domain/report-period.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

const fundOfKind: Record<string, FundKey> = {
  'community-base': 'baseOperating',
  'community-party-building': 'partyBuilding',
  'community-task': 'task',
  'community-co-building': 'coBuilding',
};

function zero(): FundAmounts {
  return { baseOperating: 0, partyBuilding: 0, task: 0, coBuilding: 0, total: 0 };
}

/** Read-only sums over the ledger for the money reports. */
@Injectable()
export class ReportsRepository {
  async communities(tx: Transaction, communityIds: string[], period: ReportPeriod): Promise<CommunityMoney[]> {
    const rows: { owner_id: string; kind: string; received: string; spending: string; balance: string }[] =
      await queryRows(
        tx,
        `SELECT a.owner_id, a.kind,
              coalesce(sum(p.amount_fen) FILTER (WHERE t.posted_at >= $2 AND t.posted_at < $3
                                                   AND t.purpose <> 'community-spending'), 0) AS received,
              coalesce(sum(p.amount_fen) FILTER (WHERE t.posted_at >= $2 AND t.posted_at < $3
                                                   AND t.purpose = 'community-spending'), 0) AS spending,
              coalesce(sum(p.amount_fen) FILTER (WHERE t.posted_at < $3), 0) AS balance
       FROM ledger_account a
       JOIN ledger_posting p ON p.account_id = a.id
       JOIN ledger_transfer t ON t.id = p.transfer_id
       WHERE a.owner_id = ANY($1::text[])
         AND a.kind IN ('community-base', 'community-party-building', 'community-task', 'community-co-building')
       GROUP BY a.owner_id, a.kind`,
        [communityIds, period.from, period.to],
      );
    const reports = new Map(
      communityIds.map((communityId) => [
        communityId,
        { communityId, received: zero(), spent: zero(), balance: zero() },
      ]),
    );
    for (const row of rows) {
      const report = reports.get(row.owner_id)!;
      const fund = fundOfKind[row.kind];
      const add = (amounts: FundAmounts, value: number) => {
        amounts[fund] += value;
        amounts.total += value;
      };
      add(report.received, Number(row.received));
      add(report.spent, -Number(row.spending));
      add(report.balance, Number(row.balance));
    }
    return [...reports.values()];
  }

  /** The base and party-building allocations and top-ups a community received in the period, oldest first. */
  async allocations(tx: Transaction, communityId: string, period: ReportPeriod): Promise<AllocationLine[]> {
    const rows: {
      transfer_id: string;
      purpose: AllocationLine['purpose'];
      kind: string;
      amount_fen: string;
      memo: string | null;
      posted_at: Date;
    }[] = await queryRows(
      tx,
      `SELECT t.id AS transfer_id, t.purpose, a.kind, p.amount_fen, t.memo, t.posted_at
       FROM ledger_account a
       JOIN ledger_posting p ON p.account_id = a.id
       JOIN ledger_transfer t ON t.id = p.transfer_id
       WHERE a.owner_id = $1 AND a.kind IN ('community-base', 'community-party-building')
         AND t.purpose IN ('base-allocation', 'base-top-up', 'party-building-allocation', 'party-building-top-up')
         AND t.posted_at >= $2 AND t.posted_at < $3
       ORDER BY t.posted_at, t.id`,
      [communityId, period.from, period.to],
    );
    return rows.map((row) => ({
      transferId: row.transfer_id,
      purpose: row.purpose,
      fund: fundOfKind[row.kind],
      amountFen: fenOf(row.amount_fen),
      reason: row.memo,
      postedAt: row.posted_at,
    }));
  }

  /** Per community of a task: what reached its task account, what it spent, what it still holds. */
  async taskMoney(
    tx: Transaction,
    taskId: string,
  ): Promise<{ communityId: string; disbursedFen: number; spentFen: number; balanceFen: number }[]> {
    const rows: { owner_id: string; disbursed: string; spent: string; balance: string }[] = await entityManagerOf(
      tx,
    ).query(
      `SELECT a.owner_id,
              coalesce(sum(p.amount_fen) FILTER (WHERE t.purpose <> 'community-spending'), 0) AS disbursed,
              coalesce(-sum(p.amount_fen) FILTER (WHERE t.purpose = 'community-spending'), 0) AS spent,
              coalesce(sum(p.amount_fen), 0) AS balance
       FROM ledger_account a
       JOIN ledger_posting p ON p.account_id = a.id
       JOIN ledger_transfer t ON t.id = p.transfer_id
       WHERE a.kind = 'community-task' AND a.task_id = $1
       GROUP BY a.owner_id`,
      [taskId],
    );
    return rows.map((row) => ({
      communityId: row.owner_id,
      disbursedFen: Number(row.disbursed),
      spentFen: Number(row.spent),
      balanceFen: Number(row.balance),
    }));
  }

  /**
   * Paid from a department's reservation of one budget year to communities, net of undone payments: within
   * the period when one is given, else whatever the calendar date of the payment (a 2026 budget may pay in
   * January 2027, and that money is still the 2026 budget's).
   */
  async departmentPaid(tx: Transaction, reservedAccountId: string, period?: ReportPeriod): Promise<number> {
    const rows: { paid: string | null }[] = await queryRows(
      tx,
      `SELECT -sum(p.amount_fen) AS paid
       FROM ledger_posting p JOIN ledger_transfer t ON t.id = p.transfer_id
       WHERE p.account_id = $1 AND t.purpose IN ('task-disbursement', 'reversal')
         AND ($2::timestamptz IS NULL OR (t.posted_at >= $2 AND t.posted_at < $3))`,
      [reservedAccountId, period?.from ?? null, period?.to ?? null],
    );
    return fenOf(rows[0]?.paid ?? 0);
  }

  async departmentTasks(
    tx: Transaction,
    departmentId: string,
    year: number,
  ): Promise<{ taskId: string; period: string | null; title: string; state: string; totalFen: number }[]> {
    // One line per transfer: a task funded per period has one per instalment started so far.
    const rows: { task_id: string; period: string; title: string; state: string; total_fen: string }[] =
      await queryRows(
        tx,
        `SELECT task_id, period, title, state, total_fen FROM task_fund_transfer
         WHERE department_id = $1 AND budget_year = $2 ORDER BY admitted_at, task_id, period_start NULLS FIRST, period`,
        [departmentId, year],
      );
    return rows.map((row) => ({
      taskId: row.task_id,
      period: row.period || null,
      title: row.title,
      state: row.state,
      totalFen: fenOf(row.total_fen),
    }));
  }
}
