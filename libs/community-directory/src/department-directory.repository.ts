import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { DirectoryDepartment } from './directory-department.js';

/**
 * The table a service keeps its department directory in: services created it under different names before the
 * directory was shared (admission `department`, finance `directory_department`), with the same columns.
 */
export class DepartmentDirectoryTable {
  constructor(readonly name: 'department' | 'directory_department') {}
}

const columns = `department_id AS "departmentId", code, name, district_code AS "districtCode"`;

/** The departments (区直部门) a service knows from organization events; never read from organization's tables. */
@Injectable()
export class DepartmentDirectoryRepository {
  private readonly table: string;

  constructor(table: DepartmentDirectoryTable) {
    this.table = table.name;
  }

  /** Keeps the newest announcement: a late or redelivered older one changes nothing. */
  async upsert(tx: Transaction, department: DirectoryDepartment, asOf: Date): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO ${this.table} (department_id, code, name, district_code, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
         district_code = EXCLUDED.district_code, as_of = EXCLUDED.as_of
       WHERE ${this.table}.as_of <= EXCLUDED.as_of`,
      [department.departmentId, department.code, department.name, department.districtCode, asOf],
    );
  }

  async find(tx: Transaction, departmentId: string): Promise<DirectoryDepartment | null> {
    const [row] = await queryRows<DirectoryDepartment>(
      tx,
      `SELECT ${columns} FROM ${this.table} WHERE department_id = $1`,
      [departmentId],
    );
    return row ?? null;
  }

  /** The district's departments, by code, one page at a time. */
  async listOfDistrict(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: DirectoryDepartment[]; total: number }> {
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM ${this.table} WHERE district_code = $1`,
      [districtCode],
    );
    const items = await queryRows<DirectoryDepartment>(
      tx,
      `SELECT ${columns} FROM ${this.table} WHERE district_code = $1 ORDER BY code, department_id OFFSET $2 LIMIT $3`,
      [districtCode, page.offset, page.limit],
    );
    return { items, total };
  }
}
