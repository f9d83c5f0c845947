import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface NewSealRequest {
  id: string;
  districtCode: string;
  departmentId: string;
  communityId: string;
  matterCode: string;
  requestedFor: string;
  documentSha256: string;
  listVersion: number | null;
  status: 'accepted' | 'refused';
  violationId: string | null;
  requestedBy: string;
}

/** Every seal request as it was answered, accepted or refused: the community's seal uses are the accepted ones. */
@Injectable()
export class SealRequestsRepository {
  async insert(tx: Transaction, request: NewSealRequest): Promise<Date> {
    const [row] = await entityManagerOf(tx).query<{ requested_at: Date }[]>(
      `INSERT INTO seal_request (id, district_code, department_id, community_id, matter_code, requested_for,
         document_sha256, list_version, status, violation_id, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING requested_at`,
      [
        request.id,
        request.districtCode,
        request.departmentId,
        request.communityId,
        request.matterCode,
        request.requestedFor,
        request.documentSha256,
        request.listVersion,
        request.status,
        request.violationId,
        request.requestedBy,
      ],
    );
    return row.requested_at;
  }

  /** The violation of an earlier refusal of the same demand: the same department, community, matter and document. */
  async refusedBefore(
    tx: Transaction,
    demand: { departmentId: string; communityId: string; matterCode: string; documentSha256: string },
  ): Promise<string | null> {
    // Held to commit, so two concurrent retries of one demand record one violation.
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [
      `seal-refusal:${demand.departmentId}:${demand.communityId}:${demand.matterCode}:${demand.documentSha256}`,
    ]);
    const [row] = await queryRows<{ violation_id: string }>(
      tx,
      `SELECT violation_id FROM seal_request
       WHERE department_id = $1 AND community_id = $2 AND matter_code = $3 AND document_sha256 = $4
         AND status = 'refused'
       ORDER BY requested_at LIMIT 1`,
      [demand.departmentId, demand.communityId, demand.matterCode, demand.documentSha256],
    );
    return row?.violation_id ?? null;
  }
}
