import { Injectable } from '@nestjs/common';
import type { BudgetSetPayload } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import type { DepartmentBudgetStanding } from '../domain/department-budget.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';

/** Admission's copy of the department budgets finance announces (`finance.budget.set`). */
@Injectable()
export class DepartmentBudgetsRepository {
  /** Keeps the highest revision seen, so a late or redelivered announcement never rolls a budget back. */
  async record(tx: Transaction, budget: BudgetSetPayload): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO department_budget (department_id, year, district_code, approved_fen, revision, set_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (department_id, year) DO UPDATE SET district_code = EXCLUDED.district_code,
         approved_fen = EXCLUDED.approved_fen, revision = EXCLUDED.revision, set_at = EXCLUDED.set_at
       WHERE department_budget.revision < EXCLUDED.revision`,
      [budget.departmentId, budget.year, budget.districtCode, budget.approvedFen, budget.revision, budget.setAt],
    );
  }

  /** The budget of a year with what admitted tasks already promised from it; null when finance announced none. */
  async standing(tx: Transaction, departmentId: string, year: number): Promise<DepartmentBudgetStanding | null> {
    const [row] = await entityManagerOf(tx).query<
      {
        departmentId: string;
        districtCode: string;
        year: number;
        approvedFen: string;
        committedFen: string;
        revision: number;
        setAt: Date;
      }[]
    >(
      `SELECT b.department_id AS "departmentId", b.district_code AS "districtCode", b.year,
              b.approved_fen AS "approvedFen", b.revision, b.set_at AS "setAt",
              (SELECT coalesce(sum(CASE
                         WHEN t.cancelled_at IS NOT NULL THEN t.paid_fen
                         WHEN t.funding_status IN ('awaiting', 'funded', 'suspended') THEN t.total_fen
                         ELSE t.paid_fen END), 0)
                 FROM task t WHERE t.department_id = b.department_id AND t.budget_year = b.year) AS "committedFen"
       FROM department_budget b WHERE b.department_id = $1 AND b.year = $2`,
      [departmentId, year],
    );
    if (!row) return null;
    const approvedFen = fenOf(row.approvedFen);
    const committedFen = fenOf(row.committedFen);
    return { ...row, approvedFen, committedFen, availableFen: approvedFen - committedFen };
  }
}
