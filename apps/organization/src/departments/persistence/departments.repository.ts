import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { returningRows } from '../../persistence/returning-rows.js';
import { selectPage } from '../../persistence/select-page.js';
import { insertUnlessDuplicate } from '../../persistence/unique-insert.js';

export interface DepartmentUserView {
  userId: string;
  name: string;
  role: string;
}

export interface DepartmentView {
  id: string;
  code: string;
  name: string;
  districtCode: string;
  createdAt: string;
  users: DepartmentUserView[];
}

const departmentColumns = `d.id, d.code, d.name, d.district_code AS "districtCode", d.created_at AS "createdAt",
  COALESCE((SELECT json_agg(json_build_object('userId', u.user_id, 'name', u.name, 'role', u.role) ORDER BY u.user_id)
            FROM department_user u WHERE u.department_id = d.id), '[]'::json) AS users`;

/** The district's functional departments (区直部门) and the users who act for them. */
@Injectable()
export class DepartmentsRepository {
  insert(tx: Transaction, department: { id: string; code: string; name: string; districtCode: string }) {
    return insertUnlessDuplicate(tx, 'INSERT INTO department (id, code, name, district_code) VALUES ($1, $2, $3, $4)', [
      department.id,
      department.code,
      department.name,
      department.districtCode,
    ]);
  }

  async find(tx: Transaction, id: string): Promise<DepartmentView | null> {
    const rows: DepartmentView[] = await queryRows(
      tx,
      `SELECT ${departmentColumns} FROM department d WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: DepartmentView[]; total: number }> {
    return selectPage(
      tx,
      {
        sql: `SELECT ${departmentColumns} FROM department d WHERE d.district_code = $1`,
        orderBy: 'd.code',
        parameters: [districtCode],
      },
      page,
    );
  }

  async findByCode(tx: Transaction, code: string): Promise<DepartmentView | null> {
    const rows: DepartmentView[] = await queryRows(
      tx,
      `SELECT ${departmentColumns} FROM department d WHERE d.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** Adds or updates the user in this department; false when the user already acts for another one. */
  assignUser(tx: Transaction, departmentId: string, user: DepartmentUserView): Promise<boolean> {
    return insertUnlessDuplicate(
      tx,
      `INSERT INTO department_user (department_id, user_id, name, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (department_id, user_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role`,
      [departmentId, user.userId, user.name, user.role],
    );
  }

  async removeUser(tx: Transaction, departmentId: string, userId: string): Promise<boolean> {
    const result: unknown = await entityManagerOf(tx).query(
      'DELETE FROM department_user WHERE department_id = $1 AND user_id = $2 RETURNING user_id',
      [departmentId, userId],
    );
    return returningRows(result).length > 0;
  }
}
