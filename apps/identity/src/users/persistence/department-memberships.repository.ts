import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface DepartmentMembership {
  userId: string;
  departmentId: string;
  districtCode: string;
  role: string;
  assignedAt: Date;
}

/** The organization service's department users, as its events told them: the one source of who works where. */
@Injectable()
export class DepartmentMembershipsRepository {
  /** A user works for one department: an assignment replaces any earlier one (redelivery writes the same row). */
  async assign(tx: Transaction, membership: DepartmentMembership): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO department_membership (user_id, department_id, district_code, role, assigned_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET department_id = EXCLUDED.department_id,
         district_code = EXCLUDED.district_code, role = EXCLUDED.role, assigned_at = EXCLUDED.assigned_at`,
      [membership.userId, membership.departmentId, membership.districtCode, membership.role, membership.assignedAt],
    );
  }

  /** Only that department's membership ends: a user since moved to another department keeps the new one. */
  async remove(tx: Transaction, userId: string, departmentId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM department_membership WHERE user_id = $1 AND department_id = $2`, [
      userId,
      departmentId,
    ]);
  }

  async find(tx: Transaction, userId: string): Promise<DepartmentMembership | null> {
    const rows: DepartmentMembership[] = await queryRows(
      tx,
      `SELECT user_id AS "userId", department_id AS "departmentId", district_code AS "districtCode", role,
              assigned_at AS "assignedAt"
       FROM department_membership WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
