import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Co-building support and donations, kept per resident unit beside the ledger transfer that moved the money. */
export class CreateCoBuildingReceipts1763700000330 implements MigrationInterface {
  name = 'CreateCoBuildingReceipts1763700000330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE co_building_receipt (
        transfer_id   text PRIMARY KEY,
        community_id  uuid        NOT NULL,
        unit_id       uuid        NOT NULL,
        unit_name     text        NOT NULL,
        kind          text        NOT NULL CHECK (kind IN ('co-building', 'donation')),
        amount_fen    bigint      NOT NULL CHECK (amount_fen > 0),
        note          text,
        recorded_by   text        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX co_building_receipt_unit ON co_building_receipt (unit_id, recorded_at)');
    await queryRunner.query(
      'CREATE INDEX co_building_receipt_community ON co_building_receipt (community_id, recorded_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE co_building_receipt');
  }
}
