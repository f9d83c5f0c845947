import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { CommunityLedger, LedgerFrequency } from '../domain/ledger.js';

export interface NewLedgerRequest {
  id: string;
  districtCode: string;
  departmentId: string;
  communityId: string;
  name: string;
  frequency: LedgerFrequency;
  templateSha256: string | null;
  catalogueItemCode: string;
  catalogueVersion: number | null;
  status: 'accepted' | 'refused';
  violationId: string | null;
  requestedBy: string;
}

/** Every ledger request as it was answered; a community's ledger register is the accepted ones. */
@Injectable()
export class LedgerRequestsRepository {
  async insert(tx: Transaction, request: NewLedgerRequest): Promise<Date> {
    const [row] = await entityManagerOf(tx).query<{ requested_at: Date }[]>(
      `INSERT INTO ledger_request (id, district_code, department_id, community_id, name, frequency, template_sha256,
         catalogue_item_code, catalogue_version, status, violation_id, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING requested_at`,
      [
        request.id,
        request.districtCode,
        request.departmentId,
        request.communityId,
        request.name,
        request.frequency,
        request.templateSha256,
        request.catalogueItemCode,
        request.catalogueVersion,
        request.status,
        request.violationId,
        request.requestedBy,
      ],
    );
    return row.requested_at;
  }

  /** The violation of an earlier refusal of the same ledger, by the same department, for the same community and item. */
  async refusedBefore(
    tx: Transaction,
    demand: { departmentId: string; communityId: string; name: string; catalogueItemCode: string },
  ): Promise<string | null> {
    // Held to commit, so two concurrent retries of one demand record one violation.
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [
      `ledger-refusal:${demand.departmentId}:${demand.communityId}:${demand.name}:${demand.catalogueItemCode}`,
    ]);
    const [row] = await queryRows<{ violation_id: string }>(
      tx,
      `SELECT violation_id FROM ledger_request
       WHERE department_id = $1 AND community_id = $2 AND name = $3 AND catalogue_item_code = $4 AND status = 'refused'
       ORDER BY requested_at LIMIT 1`,
      [demand.departmentId, demand.communityId, demand.name, demand.catalogueItemCode],
    );
    return row?.violation_id ?? null;
  }

  /** The community's 台账清单: each accepted ledger once per department, oldest first. */
  async register(tx: Transaction, communityId: string): Promise<CommunityLedger[]> {
    return queryRows<CommunityLedger>(
      tx,
      `SELECT DISTINCT ON (department_id, name) department_id AS "departmentId", name, frequency,
              catalogue_item_code AS "catalogueItemCode", requested_at AS since
       FROM ledger_request WHERE community_id = $1 AND status = 'accepted'
       ORDER BY department_id, name, requested_at`,
      [communityId],
    );
  }
}
