import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answers the idempotency interceptor replays, one row per caller and key, in each service's own schema.
 * Listed by the platform after the messaging tables, so every service gets it without naming it.
 */
export class CreateIdempotencyRecords1763800000000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        owner            text        NOT NULL,
        idempotency_key  text        NOT NULL,
        fingerprint      text        NOT NULL,
        lease_token      uuid        NOT NULL,
        locked_until     timestamptz NOT NULL,
        expires_at       timestamptz NOT NULL,
        response_status  integer,
        response_body    text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        completed_at     timestamptz,
        PRIMARY KEY (owner, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_record_expires ON idempotency_record (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_record');
  }
}
