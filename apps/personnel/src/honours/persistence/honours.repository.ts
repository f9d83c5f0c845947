import { Injectable } from '@nestjs/common';
import type { HonourLevel } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';

export interface HonourAwardRow {
  id: string;
  workerId: string;
  communityId: string;
  level: HonourLevel;
  title: string;
  year: number;
  conferredBy: string;
  amountFen: number;
  awardedBy: string;
  /** The version of the district's `honour-awards` policy the amount came from. */
  policyVersion: number;
}

@Injectable()
export class HonoursRepository {
  /** False when the worker already holds this honour (same level, title and year). */
  async insert(tx: Transaction, award: HonourAwardRow): Promise<boolean> {
    const rows = await entityManagerOf(tx).query<{ id: string }[]>(
      `INSERT INTO honour_award (id, worker_id, community_id, level, title, year, conferred_by, amount_fen, awarded_by,
         policy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (worker_id, level, title, year) DO NOTHING RETURNING id`,
      [
        award.id,
        award.workerId,
        award.communityId,
        award.level,
        award.title,
        award.year,
        award.conferredBy,
        award.amountFen,
        award.awardedBy,
        award.policyVersion,
      ],
    );
    return rows.length === 1;
  }
}
