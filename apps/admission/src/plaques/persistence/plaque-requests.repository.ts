import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface NewPlaqueRequest {
  id: string;
  districtCode: string;
  departmentId: string;
  communityId: string;
  wording: string;
  status: 'already-hung' | 'refused';
  violationId: string | null;
  requestedBy: string;
}

/** Every plaque request as it was answered. */
@Injectable()
export class PlaqueRequestsRepository {
  async insert(tx: Transaction, request: NewPlaqueRequest): Promise<Date> {
    const [row] = await entityManagerOf(tx).query<{ requested_at: Date }[]>(
      `INSERT INTO plaque_request (id, district_code, department_id, community_id, wording, status, violation_id,
         requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING requested_at`,
      [
        request.id,
        request.districtCode,
        request.departmentId,
        request.communityId,
        request.wording,
        request.status,
        request.violationId,
        request.requestedBy,
      ],
    );
    return row.requested_at;
  }

  async refusedCount(tx: Transaction, communityId: string): Promise<number> {
    const [row] = await queryRows<{ refused: number }>(
      tx,
      `SELECT count(*)::int AS refused FROM plaque_request WHERE community_id = $1 AND status = 'refused'`,
      [communityId],
    );
    return row.refused;
  }

  /** The violation of an earlier refusal of the same plaque asked by the same department of the same community. */
  async refusedBefore(
    tx: Transaction,
    demand: { departmentId: string; communityId: string; wording: string },
  ): Promise<string | null> {
    // Held to commit, so two concurrent retries of one demand record one violation.
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [
      `plaque-refusal:${demand.departmentId}:${demand.communityId}:${demand.wording}`,
    ]);
    const [row] = await queryRows<{ violation_id: string }>(
      tx,
      `SELECT violation_id FROM plaque_request
       WHERE department_id = $1 AND community_id = $2 AND wording = $3 AND status = 'refused'
       ORDER BY requested_at LIMIT 1`,
      [demand.departmentId, demand.communityId, demand.wording],
    );
    return row?.violation_id ?? null;
  }
}
