import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

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

/** A budget with the running balances of its department's available and reserved accounts of the year. */
export interface BudgetWithBalances {
  budget: DepartmentBudget;
  availableFen: number;
  reservedFen: number;
}

/**
 * Joins the department's account of the budget's year (`Accounts.departmentAvailable`, `…Reserved`) to the budget
 * `b` by what the account records (its owner, kind and year; indexed by owner and kind), so the format of an
 * account's id is written once, in `Accounts`.
 */
function departmentAccountJoin(alias: string, kind: 'department-available' | 'department-reserved'): string {
  return `LEFT JOIN ledger_account ${alias}
       ON ${alias}.owner_id = b.department_id::text AND ${alias}.kind = '${kind}' AND ${alias}.year = b.year`;
}

/**
 * The department's budget of a year with the balances of its available and reserved accounts, as a scalar subquery
 * over the caller's SQL expressions (qualified, since the subquery has a `department_id` of its own): a JSON object
 * that `budgetWithBalancesOf` reads, null without a budget. Figures travel as text, so none passes through a float.
 * For a read that takes the budget into its own statement: it and the row it goes with come from one snapshot, and
 * what was approved and what is available and reserved never straddle a reservation or a revision.
 */
export function budgetWithBalancesSql(departmentIdSql: string, yearSql: string): string {
  return `(SELECT json_build_object('department_id', b.department_id, 'year', b.year, 'district_code', b.district_code,
        'approved_fen', b.approved_fen::text, 'revision', b.revision,
        'available_fen', available.balance_fen::text, 'reserved_fen', reserved.balance_fen::text)
     FROM department_budget b
     ${departmentAccountJoin('available', 'department-available')}
     ${departmentAccountJoin('reserved', 'department-reserved')}
     WHERE b.department_id = ${departmentIdSql} AND b.year = ${yearSql})`;
}

/** What `budgetWithBalancesSql` selected; an account not opened yet counts zero. */
export function budgetWithBalancesOf(
  json: (BudgetRow & { available_fen: string | null; reserved_fen: string | null }) | null,
): BudgetWithBalances | null {
  if (!json) return null;
  return {
    budget: toBudget(json),
    availableFen: fenOf(json.available_fen ?? 0),
    reservedFen: fenOf(json.reserved_fen ?? 0),
  };
}

function toBudget(row: BudgetRow): DepartmentBudget {
  return {
    departmentId: row.department_id,
    year: row.year,
    districtCode: row.district_code,
    approvedFen: fenOf(row.approved_fen),
    revision: row.revision,
  };
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
    await entityManagerOf(tx).query(
      `INSERT INTO department_budget (department_id, year, district_code, approved_fen, revision, updated_by)
       VALUES ($1, $2, $3, 0, 0, $4) ON CONFLICT (department_id, year) DO NOTHING`,
      [budget.departmentId, budget.year, budget.districtCode, budget.actorId],
    );
    return (await this.findForUpdate(tx, budget.departmentId, budget.year))!;
  }

  async findForUpdate(tx: Transaction, departmentId: string, year: number): Promise<DepartmentBudget | null> {
    const rows: BudgetRow[] = await queryRows(
      tx,
      `SELECT department_id, year, district_code, approved_fen, revision FROM department_budget
       WHERE department_id = $1 AND year = $2 FOR UPDATE`,
      [departmentId, year],
    );
    return rows[0] ? toBudget(rows[0]) : null;
  }

  /** The budget with its department's available and reserved balances, in one statement (`budgetWithBalancesSql`). */
  async findWithBalances(tx: Transaction, departmentId: string, year: number): Promise<BudgetWithBalances | null> {
    const [row] = await queryRows<{ budget: Parameters<typeof budgetWithBalancesOf>[0] }>(
      tx,
      `SELECT ${budgetWithBalancesSql('$1::uuid', '$2::int')} AS budget`,
      [departmentId, year],
    );
    return budgetWithBalancesOf(row?.budget ?? null);
  }

  async save(
    tx: Transaction,
    budget: DepartmentBudget,
    change: { changeFen: number; reason: string | null; changedBy: string },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO department_budget (department_id, year, district_code, approved_fen, revision, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (department_id, year) DO UPDATE
         SET approved_fen = EXCLUDED.approved_fen, revision = EXCLUDED.revision,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [budget.departmentId, budget.year, budget.districtCode, budget.approvedFen, budget.revision, change.changedBy],
    );
    await entityManagerOf(tx).query(
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

  /**
   * A page of the district's budgets of a year with their department's code and name (from the department
   * directory) and the running balances of the budget's available and reserved accounts.
   */
  async listOfYear(
    tx: Transaction,
    districtCode: string,
    year: number,
    page: { offset: number; limit: number },
  ): Promise<{
    items: (Omit<DepartmentBudget, 'districtCode'> & {
      departmentCode: string | null;
      departmentName: string | null;
      availableFen: number;
      reservedFen: number;
    })[];
    total: number;
  }> {
    const rows: (BudgetRow & {
      code: string | null;
      name: string | null;
      available_fen: string | null;
      reserved_fen: string | null;
    })[] = await queryRows(
      tx,
      `SELECT b.department_id, b.year, b.district_code, b.approved_fen, b.revision, d.code, d.name,
              available.balance_fen AS available_fen, reserved.balance_fen AS reserved_fen
       FROM department_budget b
       LEFT JOIN directory_department d ON d.department_id = b.department_id
       ${departmentAccountJoin('available', 'department-available')}
       ${departmentAccountJoin('reserved', 'department-reserved')}
       WHERE b.district_code = $1 AND b.year = $2
       ORDER BY d.code NULLS LAST, b.department_id
       LIMIT $3 OFFSET $4`,
      [districtCode, year, page.limit, page.offset],
    );
    const [{ total }]: { total: string }[] = await queryRows(
      tx,
      'SELECT count(*) AS total FROM department_budget WHERE district_code = $1 AND year = $2',
      [districtCode, year],
    );
    return {
      total: Number(total),
      items: rows.map((row) => ({
        departmentId: row.department_id,
        year: row.year,
        approvedFen: fenOf(row.approved_fen),
        revision: row.revision,
        departmentCode: row.code,
        departmentName: row.name,
        availableFen: fenOf(row.available_fen ?? 0),
        reservedFen: fenOf(row.reserved_fen ?? 0),
      })),
    };
  }
}
