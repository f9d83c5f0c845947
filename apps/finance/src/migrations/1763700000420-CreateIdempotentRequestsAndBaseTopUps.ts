import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests identified by the caller's Idempotency-Key (the answer kept for a repeat, the fingerprint to
 * refuse the key reused for another request), and the record of each base fund top-up (补差).
 */
export class CreateIdempotentRequestsAndBaseTopUps1763700000420 implements MigrationInterface {
  name = 'CreateIdempotentRequestsAndBaseTopUps1763700000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotent_request (
        district_code  text        NOT NULL,
        operation      text        NOT NULL,
        key            text        NOT NULL,
        fingerprint    text        NOT NULL,
        response       jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, operation, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE base_allocation_top_up (
        top_up_id      uuid        PRIMARY KEY,
        district_code  text        NOT NULL,
        year           integer     NOT NULL,
        from_fen       bigint      NOT NULL,
        to_fen         bigint      NOT NULL CHECK (to_fen > from_fen),
        reason         text        NOT NULL,
        run_id         uuid        NOT NULL,
        started_by     text        NOT NULL,
        started_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (district_code, year, to_fen)
      )`);
    await queryRunner.query(`
      ALTER TABLE base_allocation_run
        ADD COLUMN top_up_id uuid REFERENCES base_allocation_top_up (top_up_id),
        ADD COLUMN communities_topped_up integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE base_allocation_run DROP COLUMN communities_topped_up, DROP COLUMN top_up_id');
    await queryRunner.query('DROP TABLE base_allocation_top_up');
    await queryRunner.query('DROP TABLE idempotent_request');
  }
}
