import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When Temporal accepted a submission's review workflow. The submit command commits before it starts the
 * review, so an `in-review` submission without this time is one whose start may have been refused and
 * that the background reconciler starts again.
 */
export class AddSubmissionReviewStartedAt1763700000210 implements MigrationInterface {
  name = 'AddSubmissionReviewStartedAt1763700000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE submission ADD COLUMN review_started_at timestamptz');
    // Reviews past `in-review` have certainly started; those still in review are checked by the
    // reconciler, whose idempotent start only records the time for a workflow that already exists.
    await queryRunner.query(
      `UPDATE submission SET review_started_at = COALESCE(first_submitted_at, updated_at)
        WHERE workflow_id IS NOT NULL AND status <> 'in-review'`,
    );
    await queryRunner.query(
      `CREATE INDEX submission_review_not_started ON submission (first_submitted_at)
        WHERE status = 'in-review' AND review_started_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX submission_review_not_started');
    await queryRunner.query('ALTER TABLE submission DROP COLUMN review_started_at');
  }
}
