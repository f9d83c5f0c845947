import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring tasks funded per period (按期拨付) and cancelled tasks: the period a submission and its task are
 * funded by, what finance has paid so far, a task suspended off the lists while an instalment failed, and a
 * cancellation (who, when, why) that takes the task off its communities' lists.
 */
export class FundRecurringTasksPerPeriod1763700000270 implements MigrationInterface {
  name = 'FundRecurringTasksPerPeriod1763700000270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE submission ADD COLUMN funding_period text
      CHECK (funding_period IN ('month', 'quarter', 'year'))`);
    await queryRunner.query(`ALTER TABLE task ADD COLUMN funding_period text
        CHECK (funding_period IN ('month', 'quarter', 'year')),
      ADD COLUMN paid_fen bigint NOT NULL DEFAULT 0,
      ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancelled_by text, ADD COLUMN cancel_reason text`);
    await queryRunner.query('ALTER TABLE task DROP CONSTRAINT task_funding_status_check');
    await queryRunner.query(`ALTER TABLE task ADD CONSTRAINT task_funding_status_check
      CHECK (funding_status IN ('awaiting', 'funded', 'failed', 'not-required', 'suspended'))`);
    await queryRunner.query('ALTER TABLE task_community DROP CONSTRAINT task_community_status_check');
    await queryRunner.query(`ALTER TABLE task_community ADD CONSTRAINT task_community_status_check
      CHECK (status IN ('admitted', 'dispatched', 'done', 'suspended', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE task_community SET status = 'admitted' WHERE status IN ('suspended', 'cancelled')`);
    await queryRunner.query('ALTER TABLE task_community DROP CONSTRAINT task_community_status_check');
    await queryRunner.query(`ALTER TABLE task_community ADD CONSTRAINT task_community_status_check
      CHECK (status IN ('admitted', 'dispatched', 'done'))`);
    await queryRunner.query(`UPDATE task SET funding_status = 'failed' WHERE funding_status = 'suspended'`);
    await queryRunner.query('ALTER TABLE task DROP CONSTRAINT task_funding_status_check');
    await queryRunner.query(`ALTER TABLE task ADD CONSTRAINT task_funding_status_check
      CHECK (funding_status IN ('awaiting', 'funded', 'failed', 'not-required'))`);
    await queryRunner.query(`ALTER TABLE task DROP COLUMN funding_period, DROP COLUMN paid_fen,
      DROP COLUMN cancelled_at, DROP COLUMN cancelled_by, DROP COLUMN cancel_reason`);
    await queryRunner.query('ALTER TABLE submission DROP COLUMN funding_period');
  }
}
