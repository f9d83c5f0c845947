import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { DirectoryDepartment } from '../domain/directory-department.js';

/** Admission's copy of the district's functional departments (区直部门), fed by organization events. */
@Injectable()
export class DepartmentDirectoryRepository {
  /** Keeps the newest announcement: a late or redelivered older one changes nothing. */
  async upsert(tx: Transaction, department: DirectoryDepartment, asOf: Date): Promise<void> {
    await tx.query(
      `INSERT INTO department (department_id, code, name, district_code, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
         district_code = EXCLUDED.district_code, as_of = EXCLUDED.as_of
       WHERE department.as_of <= EXCLUDED.as_of`,
      [department.departmentId, department.code, department.name, department.districtCode, asOf],
    );
  }

  async find(tx: Transaction, departmentId: string): Promise<DirectoryDepartment | null> {
    const [row] = await tx.query<DirectoryDepartment[]>(
      `SELECT department_id AS "departmentId", code, name, district_code AS "districtCode"
       FROM department WHERE department_id = $1`,
      [departmentId],
    );
    return row ?? null;
  }

  /** The district's departments admission knows, by code, one page at a time. */
  async list(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: DirectoryDepartment[]; total: number }> {
    const [{ total }] = await tx.query<{ total: number }[]>(
      'SELECT count(*)::int AS total FROM department WHERE district_code = $1',
      [districtCode],
    );
    const items = await tx.query<DirectoryDepartment[]>(
      `SELECT department_id AS "departmentId", code, name, district_code AS "districtCode"
       FROM department WHERE district_code = $1 ORDER BY code, department_id OFFSET $2 LIMIT $3`,
      [districtCode, page.offset, page.limit],
    );
    return { items, total };
  }
}
