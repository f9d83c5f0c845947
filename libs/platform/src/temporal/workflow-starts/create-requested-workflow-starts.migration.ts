import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow starts requested by a use case, written in the use case's own transaction: the row exists exactly when
 * the state that needs the workflow does, and a relay starts it after the commit (again after a crash or while
 * Temporal is down). The workflow id is the key, so a second request or a second relay has no effect.
 */
export class CreateRequestedWorkflowStarts1763950000000 implements MigrationInterface {
  name = 'CreateRequestedWorkflowStarts1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE requested_workflow_start (
        workflow_id    text        PRIMARY KEY,
        workflow_type  text        NOT NULL,
        task_queue     text        NOT NULL,
        args           jsonb       NOT NULL,
        requested_at   timestamptz NOT NULL DEFAULT now(),
        attempts       integer     NOT NULL DEFAULT 0,
        last_error     text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX requested_workflow_start_pending ON requested_workflow_start (next_attempt_at)
       WHERE started_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE requested_workflow_start');
  }
}
