import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { DirectoryDepartment } from '../domain/directory-department.js';

const columns = `department_id AS "departmentId", code, name, district_code AS "districtCode"`;

/** The departments (区直部门) finance knows from organization events; never read from organization's tables. */
@Injectable()
export class DepartmentDirectoryRepository {
  /** An older event never overwrites what a newer one wrote. */
  async upsert(tx: Transaction, department: DirectoryDepartment, asOf: Date): Promise<void> {
    await tx.query(
      `INSERT INTO directory_department (department_id, code, name, district_code, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
         district_code = EXCLUDED.district_code, as_of = EXCLUDED.as_of
       WHERE directory_department.as_of <= EXCLUDED.as_of`,
      [department.departmentId, department.code, department.name, department.districtCode, asOf],
    );
  }

  async find(tx: Transaction, departmentId: string): Promise<DirectoryDepartment | null> {
    const rows: DirectoryDepartment[] = await tx.query(
      `SELECT ${columns} FROM directory_department WHERE department_id = $1`,
      [departmentId],
    );
    return rows[0] ?? null;
  }

  async findByIds(tx: Transaction, departmentIds: string[]): Promise<DirectoryDepartment[]> {
    if (departmentIds.length === 0) return [];
    return tx.query(`SELECT ${columns} FROM directory_department WHERE department_id = ANY($1::uuid[])`, [
      departmentIds,
    ]);
  }

  async listOfDistrict(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: DirectoryDepartment[]; total: number }> {
    const items: DirectoryDepartment[] = await tx.query(
      `SELECT ${columns} FROM directory_department WHERE district_code = $1 ORDER BY code, department_id
       LIMIT $2 OFFSET $3`,
      [districtCode, page.limit, page.offset],
    );
    const [{ total }]: { total: string }[] = await tx.query(
      'SELECT count(*) AS total FROM directory_department WHERE district_code = $1',
      [districtCode],
    );
    return { items, total: Number(total) };
  }
}
