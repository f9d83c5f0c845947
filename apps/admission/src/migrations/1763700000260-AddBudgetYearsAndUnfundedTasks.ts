import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 费随事转 made explicit: the budget year a submission and its task are charged to (so far silently the
 * year of `period_start`, which stays the value of existing rows), one-off work declared unfunded, tasks
 * whose funding is `not-required` (dispatched at admission), and admission's copy of the department
 * budgets finance announces, for the pre-check.
 */
export class AddBudgetYearsAndUnfundedTasks1763700000260 implements MigrationInterface {
  name = 'AddBudgetYearsAndUnfundedTasks1763700000260';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE submission ADD COLUMN budget_year integer,
      ADD COLUMN unfunded boolean NOT NULL DEFAULT false`);
    await queryRunner.query('UPDATE submission SET budget_year = extract(year FROM period_start)::int');
    await queryRunner.query('ALTER TABLE submission ALTER COLUMN budget_year SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE submission ADD CONSTRAINT submission_unfunded_without_money CHECK (NOT unfunded OR funding_per_community_fen = 0)',
    );

    await queryRunner.query('ALTER TABLE task ADD COLUMN budget_year integer');
    await queryRunner.query('UPDATE task SET budget_year = extract(year FROM period_start)::int');
    await queryRunner.query('ALTER TABLE task ALTER COLUMN budget_year SET NOT NULL');
    await queryRunner.query('ALTER TABLE task DROP CONSTRAINT task_funding_status_check');
    await queryRunner.query(`ALTER TABLE task ADD CONSTRAINT task_funding_status_check
      CHECK (funding_status IN ('awaiting', 'funded', 'failed', 'not-required'))`);
    await queryRunner.query('CREATE INDEX task_department_budget_year ON task (department_id, budget_year)');

    await queryRunner.query(`
      CREATE TABLE department_budget (
        department_id  uuid        NOT NULL,
        year           integer     NOT NULL,
        district_code  text        NOT NULL,
        approved_fen   bigint      NOT NULL CHECK (approved_fen >= 0),
        revision       integer     NOT NULL,
        set_at         timestamptz NOT NULL,
        PRIMARY KEY (department_id, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE department_budget');
    await queryRunner.query('DROP INDEX task_department_budget_year');
    // Tasks dispatched without money read as funded under the old rule set.
    await queryRunner.query(`UPDATE task SET funding_status = 'funded' WHERE funding_status = 'not-required'`);
    await queryRunner.query('ALTER TABLE task DROP CONSTRAINT task_funding_status_check');
    await queryRunner.query(`ALTER TABLE task ADD CONSTRAINT task_funding_status_check
      CHECK (funding_status IN ('awaiting', 'funded', 'failed'))`);
    await queryRunner.query('ALTER TABLE task DROP COLUMN budget_year');
    await queryRunner.query('ALTER TABLE submission DROP CONSTRAINT submission_unfunded_without_money');
    await queryRunner.query('ALTER TABLE submission DROP COLUMN unfunded, DROP COLUMN budget_year');
  }
}
