import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { AuditAction, AuditEntry, NewAuditEntry } from '../domain/audit-entry.js';

/** The append-only audit log: rows are only inserted (a trigger refuses UPDATE and DELETE). */
@Injectable()
export class AuditLogRepository {
  async append(tx: Transaction, entry: NewAuditEntry): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO audit_entry (action, actor_id, user_id, login_name, remote_address, detail, district_code)
       VALUES ($1, $2, $3::uuid, $4, $5, $6, COALESCE($7,
         (SELECT district_code FROM role_assignment WHERE user_id = $3::uuid ORDER BY assigned_at DESC LIMIT 1),
         (SELECT district_code FROM audit_entry WHERE user_id = $3::uuid AND action = 'user.created' LIMIT 1)))`,
      [
        entry.action,
        entry.actorId,
        entry.userId,
        entry.loginName,
        entry.remoteAddress,
        JSON.stringify(entry.detail),
        entry.districtCode ?? null,
      ],
    );
  }

  async failedSignInsFrom(tx: Transaction, remoteAddress: string, windowSeconds: number): Promise<number> {
    const rows: { failures: number }[] = await queryRows(
      tx,
      `SELECT count(*)::int AS failures FROM audit_entry
       WHERE action = 'sign-in.failed' AND remote_address = $1
         AND occurred_at > now() - make_interval(secs => $2::int)`,
      [remoteAddress, windowSeconds],
    );
    return rows[0]?.failures ?? 0;
  }

  async list(
    tx: Transaction,
    filter: { districtCode: string; userId?: string; action?: AuditAction },
    page: { offset: number; limit: number },
  ): Promise<{ items: AuditEntry[]; total: number }> {
    // An administrator's district, and the platform's entries, which belong to none.
    const where = `WHERE ($1::uuid IS NULL OR user_id = $1) AND ($2::text IS NULL OR action = $2)
      AND (district_code = $3 OR district_code IS NULL)`;
    const parameters = [filter.userId ?? null, filter.action ?? null, filter.districtCode];
    const counted: { total: number }[] = await queryRows(
      tx,
      `SELECT count(*)::int AS total FROM audit_entry ${where}`,
      parameters,
    );
    const items: AuditEntry[] = await queryRows(
      tx,
      `SELECT id::text, occurred_at AS "occurredAt", action, actor_id AS "actorId", user_id AS "userId",
              login_name AS "loginName", remote_address AS "remoteAddress", detail,
              district_code AS "districtCode"
       FROM audit_entry ${where} ORDER BY id DESC OFFSET $4 LIMIT $5`,
      [...parameters, page.offset, page.limit],
    );
    return { items, total: counted[0]?.total ?? 0 };
  }
}
