import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';

export interface DepartmentBudget {
  departmentId: string;
  year: number;
  districtCode: string;
  approvedFen: number;
  revision: number;
}

interface BudgetRow {
  department_id: string;
  year: number;
  district_code: string;
  approved_fen: string;
  revision: number;
}

/** The approved figure of each department's yearly budget and its history of changes. */
@Injectable()
export class BudgetsRepository {
  /**
   * Opens the budget at zero if it has none, then locks it, so even two first-ever changes of one budget
   * apply one after another.
   */
  async openForUpdate(
    tx: Transaction,
    budget: { departmentId: string; year: number; districtCode: string; actorId: string },
  ): Promise<DepartmentBudget> {
    await tx.query(
      `INSERT INTO department_budget (department_id, year, district_code, approved_fen, revision, updated_by)
       VALUES ($1, $2, $3, 0, 0, $4) ON CONFLICT (department_id, year) DO NOTHING`,
      [budget.departmentId, budget.year, budget.districtCode, budget.actorId],
    );
    return (await this.findForUpdate(tx, budget.departmentId, budget.year))!;
  }

  async findForUpdate(tx: Transaction, departmentId: string, year: number): Promise<DepartmentBudget | null> {
    const rows: BudgetRow[] = await tx.query(
      `SELECT department_id, year, district_code, approved_fen, revision FROM department_budget
       WHERE department_id = $1 AND year = $2 FOR UPDATE`,
      [departmentId, year],
    );
    return rows[0] ? this.toBudget(rows[0]) : null;
  }

  async find(tx: Transaction, departmentId: string, year: number): Promise<DepartmentBudget | null> {
    const rows: BudgetRow[] = await tx.query(
      `SELECT department_id, year, district_code, approved_fen, revision FROM department_budget
       WHERE department_id = $1 AND year = $2`,
      [departmentId, year],
    );
    return rows[0] ? this.toBudget(rows[0]) : null;
  }

  async save(
    tx: Transaction,
    budget: DepartmentBudget,
    change: { changeFen: number; reason: string | null; changedBy: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO department_budget (department_id, year, district_code, approved_fen, revision, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (department_id, year) DO UPDATE
         SET approved_fen = EXCLUDED.approved_fen, revision = EXCLUDED.revision,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [budget.departmentId, budget.year, budget.districtCode, budget.approvedFen, budget.revision, change.changedBy],
    );
    await tx.query(
      `INSERT INTO department_budget_revision (department_id, year, revision, approved_fen, change_fen, reason, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        budget.departmentId,
        budget.year,
        budget.revision,
        budget.approvedFen,
        change.changeFen,
        change.reason,
        change.changedBy,
      ],
    );
  }

  private toBudget(row: BudgetRow): DepartmentBudget {
    return {
      departmentId: row.department_id,
      year: row.year,
      districtCode: row.district_code,
      approvedFen: Number(row.approved_fen),
      revision: row.revision,
    };
  }
}
