import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Department budgets (the approved figure; the money itself lives in the ledger) and task fund transfers. */
export class CreateBudgetsAndTaskFundTransfers1763700000310 implements MigrationInterface {
  name = 'CreateBudgetsAndTaskFundTransfers1763700000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE department_budget (
        department_id  uuid        NOT NULL,
        year           integer     NOT NULL,
        district_code  text        NOT NULL,
        approved_fen   bigint      NOT NULL CHECK (approved_fen >= 0),
        revision       integer     NOT NULL,
        updated_by     text        NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE department_budget_revision (
        department_id  uuid        NOT NULL,
        year           integer     NOT NULL,
        revision       integer     NOT NULL,
        approved_fen   bigint      NOT NULL,
        change_fen     bigint      NOT NULL,
        reason         text,
        changed_by     text        NOT NULL,
        changed_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, year, revision)
      )`);
    await queryRunner.query(`
      CREATE TABLE task_fund_transfer (
        task_id          uuid PRIMARY KEY,
        transfer_id      uuid        NOT NULL UNIQUE,
        submission_id    uuid        NOT NULL,
        title            text        NOT NULL,
        department_id    uuid        NOT NULL,
        district_code    text        NOT NULL,
        budget_year      integer     NOT NULL,
        funding          jsonb       NOT NULL,
        total_fen        bigint      NOT NULL,
        state            text        NOT NULL,
        last_decision    jsonb,
        failure_code     text,
        failure_reason   text,
        correlation_id   text        NOT NULL,
        admitted_at      timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX task_fund_transfer_department ON task_fund_transfer (department_id, budget_year)',
    );
    await queryRunner.query('CREATE INDEX task_fund_transfer_state ON task_fund_transfer (state)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE task_fund_transfer');
    await queryRunner.query('DROP TABLE department_budget_revision');
    await queryRunner.query('DROP TABLE department_budget');
  }
}
