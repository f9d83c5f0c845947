import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePromotionRequests1763700000630 implements MigrationInterface {
  name = 'CreatePromotionRequests1763700000630';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE promotion_request (
        id              uuid PRIMARY KEY,
        worker_id       uuid NOT NULL REFERENCES worker (id),
        track_code      text NOT NULL REFERENCES career_track (code),
        from_step       text NOT NULL,
        to_step         text NOT NULL,
        status          text NOT NULL,
        reason          text NOT NULL,
        requested_by    text NOT NULL,
        requested_at    timestamptz NOT NULL DEFAULT now(),
        decided_by      text,
        decision_reason text,
        decided_at      timestamptz
      )`);
    // One promotion per worker and track may be under review at a time.
    await queryRunner.query(`
      CREATE UNIQUE INDEX promotion_request_one_open ON promotion_request (worker_id, track_code)
      WHERE status = 'in-review'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE promotion_request');
  }
}
