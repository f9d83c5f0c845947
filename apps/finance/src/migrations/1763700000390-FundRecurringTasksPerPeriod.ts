import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring tasks funded per period (按期拨付): a task fund transfer is one instalment of a task, keyed by the
 * task and the instalment's period (`''` for a task funded once, which every existing row is), and the schedule
 * of a task's instalments, which a cancelled task stops.
 */
export class FundRecurringTasksPerPeriod1763700000390 implements MigrationInterface {
  name = 'FundRecurringTasksPerPeriod1763700000390';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE task_fund_transfer ADD COLUMN period text NOT NULL DEFAULT '',
      ADD COLUMN period_start date, ADD COLUMN period_end date`);
    await queryRunner.query('ALTER TABLE task_fund_transfer DROP CONSTRAINT task_fund_transfer_pkey');
    await queryRunner.query('ALTER TABLE task_fund_transfer ADD PRIMARY KEY (task_id, period)');
    await queryRunner.query(`
      CREATE TABLE task_funding_schedule (
        task_id          uuid PRIMARY KEY,
        submission_id    uuid        NOT NULL,
        title            text        NOT NULL,
        department_id    uuid        NOT NULL,
        district_code    text        NOT NULL,
        budget_year      integer     NOT NULL,
        funding_period   text        NOT NULL CHECK (funding_period IN ('month', 'quarter', 'year')),
        period_start     date        NOT NULL,
        period_end       date        NOT NULL,
        funding          jsonb       NOT NULL,
        total_fen        bigint      NOT NULL,
        state            text        NOT NULL CHECK (state IN ('running', 'cancelled', 'completed')),
        cancel_reason    text,
        cancelled_at     timestamptz,
        correlation_id   text        NOT NULL,
        admitted_at      timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE task_funding_schedule');
    await queryRunner.query(`DELETE FROM task_fund_transfer WHERE period <> ''`);
    await queryRunner.query('ALTER TABLE task_fund_transfer DROP CONSTRAINT task_fund_transfer_pkey');
    await queryRunner.query('ALTER TABLE task_fund_transfer ADD PRIMARY KEY (task_id)');
    await queryRunner.query(
      'ALTER TABLE task_fund_transfer DROP COLUMN period, DROP COLUMN period_start, DROP COLUMN period_end',
    );
  }
}
