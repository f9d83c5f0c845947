import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bonus and award payouts from personnel events, one batch per event, each approved by finance. */
export class CreatePayoutBatches1763700000340 implements MigrationInterface {
  name = 'CreatePayoutBatches1763700000340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payout_batch (
        id              text PRIMARY KEY,
        kind            text        NOT NULL CHECK (kind IN ('monthly-bonus', 'annual-bonus', 'honour-award')),
        community_id    uuid        NOT NULL,
        district_code   text,
        period          text        NOT NULL,
        title           text        NOT NULL,
        lines           jsonb       NOT NULL,
        total_fen       bigint      NOT NULL CHECK (total_fen >= 0),
        state           text        NOT NULL,
        decided_by      text,
        reason          text,
        source_event_id uuid        NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        closed_at       timestamptz
      )`);
    await queryRunner.query('CREATE INDEX payout_batch_state ON payout_batch (district_code, state, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE payout_batch');
  }
}
