import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { fenOf } from '@jianfu/platform';
import { queryRows } from '@jianfu/platform/persistence';

export type CommunityFundKind = 'base-operating' | 'party-building' | 'task' | 'co-building';

export interface CommunityAccountLine {
  accountId: string;
  fund: CommunityFundKind;
  /** For task money (专款): the task and its title as the transfer knows it. */
  taskId: string | null;
  taskTitle: string | null;
  balanceFen: number;
  /** Everything that ever reached the account, net of reversals, and what was spent from it. */
  receivedFen: number;
  spentFen: number;
  postingCount: number;
}

const fundOfKind: Record<string, CommunityFundKind> = {
  'community-base': 'base-operating',
  'community-party-building': 'party-building',
  'community-task': 'task',
  'community-co-building': 'co-building',
};

/** The accounts a community holds money in, by fund, with a task account per task that funded it. */
@Injectable()
export class CommunityAccountsRepository {
  async ofCommunity(tx: Transaction, communityId: string): Promise<CommunityAccountLine[]> {
    const rows: {
      id: string;
      kind: string;
      task_id: string | null;
      title: string | null;
      balance_fen: string;
      received: string;
      spent: string;
      postings: string;
    }[] = await queryRows(
      tx,
      `SELECT a.id, a.kind, a.task_id, a.balance_fen,
              (SELECT t.title FROM task_fund_transfer t WHERE t.task_id = a.task_id) AS title,
              coalesce(sum(p.amount_fen) FILTER (WHERE lt.purpose <> 'community-spending'), 0) AS received,
              coalesce(-sum(p.amount_fen) FILTER (WHERE lt.purpose = 'community-spending'), 0) AS spent,
              count(p.transfer_id) AS postings
       FROM ledger_account a
       LEFT JOIN ledger_posting p ON p.account_id = a.id
       LEFT JOIN ledger_transfer lt ON lt.id = p.transfer_id
       WHERE a.owner_id = $1
         AND a.kind IN ('community-base', 'community-party-building', 'community-task', 'community-co-building')
       GROUP BY a.id
       ORDER BY array_position(ARRAY['community-base', 'community-party-building', 'community-task',
                                     'community-co-building'], a.kind), a.id`,
      [communityId],
    );
    return rows.map((row) => ({
      accountId: row.id,
      fund: fundOfKind[row.kind],
      taskId: row.task_id,
      taskTitle: row.title,
      balanceFen: fenOf(row.balance_fen),
      receivedFen: Number(row.received),
      spentFen: Number(row.spent),
      postingCount: Number(row.postings),
    }));
  }
}
