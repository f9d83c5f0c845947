import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { DemandKind, ViolationView } from '../domain/admitted-task.js';

export type NewViolation = Omit<ViolationView, 'recordedAt'>;

@Injectable()
export class ViolationsRepository {
  async insert(tx: Transaction, violation: NewViolation): Promise<Date> {
    const [row] = await entityManagerOf(tx).query<{ recorded_at: Date }[]>(
      `INSERT INTO violation (id, district_code, department_id, community_id, task_id, code, reason, reported_by, source, kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING recorded_at`,
      [
        violation.id,
        violation.districtCode,
        violation.departmentId,
        violation.communityId,
        violation.taskId,
        violation.code,
        violation.reason,
        violation.reportedBy,
        violation.source,
        violation.kind,
      ],
    );
    return row.recorded_at;
  }

  async list(
    tx: Transaction,
    filter: {
      districtCode: string;
      departmentId?: string;
      kind?: DemandKind;
      communityIds?: string[];
      offset: number;
      limit: number;
    },
  ): Promise<{ items: ViolationView[]; total: number }> {
    const where = ['district_code = $1'];
    const params: unknown[] = [filter.districtCode];
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(`department_id = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (filter.communityIds) {
      params.push(filter.communityIds);
      where.push(`community_id = ANY($${params.length}::uuid[])`);
    }
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM violation WHERE ${where.join(' AND ')}`,
      params,
    );
    const items = await queryRows<ViolationView>(
      tx,
      `SELECT id, district_code AS "districtCode", department_id AS "departmentId", community_id AS "communityId",
              task_id AS "taskId", code, reason, reported_by AS "reportedBy", source, kind, recorded_at AS "recordedAt"
       FROM violation WHERE ${where.join(' AND ')} ORDER BY recorded_at DESC, id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, filter.offset, filter.limit],
    );
    return { items, total };
  }
}
