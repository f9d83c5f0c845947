import { Injectable, Module } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { DemandKind } from '../domain/community-demand.js';

export interface NewDemand {
  kind: DemandKind;
  outcome: 'admitted' | 'refused';
  /** The task, summons, request or violation the demand is. */
  sourceId: string;
  communityIds: string[];
  departmentId: string;
  /** China month, YYYY-MM. */
  month: string;
  hours: number;
  occurredAt: string;
}

export interface CountedDemands {
  communityId: string;
  month: string;
  kind: DemandKind;
  outcome: 'admitted' | 'refused';
  count: number;
  hours: number;
}

/** The demands admission announced on each community, one row per demand and community. */
@Injectable()
export class CommunityDemandsRepository {
  /**
   * Set-based and idempotent: a redelivered event adds nothing. A demand announced again keeps its earliest
   * time and month (a task dispatched again for a later instalment stays counted when it first arrived).
   */
  async record(tx: Transaction, demand: NewDemand): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO community_demand (kind, outcome, source_id, community_id, department_id, month, hours, occurred_at)
       SELECT $1, $2, $3, community_id, $5, $6, $7, $8 FROM unnest($4::uuid[]) AS community_id
       ON CONFLICT (kind, outcome, source_id, community_id) DO UPDATE
         SET month = EXCLUDED.month, occurred_at = EXCLUDED.occurred_at
         WHERE EXCLUDED.occurred_at < community_demand.occurred_at`,
      [
        demand.kind,
        demand.outcome,
        demand.sourceId,
        [...new Set(demand.communityIds)],
        demand.departmentId,
        demand.month,
        demand.hours,
        demand.occurredAt,
      ],
    );
  }

  /** Demands per community, month, kind and outcome in [from, to] (months, inclusive). */
  async counted(
    tx: Transaction,
    filter: { from: string; to: string; communityIds: string[]; departmentId?: string },
  ): Promise<CountedDemands[]> {
    const rows = await queryRows<Omit<CountedDemands, 'hours'> & { hours: string }>(
      tx,
      `SELECT community_id AS "communityId", month, kind, outcome, count(*)::int AS count, sum(hours)::text AS hours
       FROM community_demand
       WHERE month BETWEEN $1 AND $2 AND community_id = ANY($3::uuid[])
         AND ($4::uuid IS NULL OR department_id = $4)
       GROUP BY community_id, month, kind, outcome`,
      [filter.from, filter.to, filter.communityIds, filter.departmentId ?? null],
    );
    return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
  }
}

/** The repository alone, for the event handlers of other modules (双评议 records refusals through it). */
@Module({ providers: [CommunityDemandsRepository], exports: [CommunityDemandsRepository] })
export class CommunityDemandsPersistenceModule {}
