/** A department's budget of one year as admission sees it: finance's approved figure and what admission promised from it. */
export interface DepartmentBudgetStanding {
  departmentId: string;
  districtCode: string;
  year: number;
  approvedFen: number;
  /**
   * Totals of tasks admitted against the year whose funding has not failed; of a cancelled (or failed) task,
   * only what finance paid.
   */
  committedFen: number;
  availableFen: number;
  revision: number;
  setAt: Date;
}
