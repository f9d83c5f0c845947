import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ledgers a department asks a community to keep (精简台账, seed 002), as they were answered. */
export class CreateLedgerRequests1763700000950 implements MigrationInterface {
  name = 'CreateLedgerRequests1763700000950';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_request (
        id                  uuid PRIMARY KEY,
        district_code       text        NOT NULL,
        department_id       uuid        NOT NULL,
        community_id        uuid        NOT NULL,
        name                text        NOT NULL,
        frequency           text        NOT NULL
          CHECK (frequency IN ('once', 'weekly', 'monthly', 'quarterly', 'yearly')),
        template_sha256     text,
        catalogue_item_code text        NOT NULL,
        catalogue_version   integer,
        status              text        NOT NULL CHECK (status IN ('accepted', 'refused')),
        violation_id        uuid REFERENCES violation (id),
        requested_by        text        NOT NULL,
        requested_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX ledger_request_community ON ledger_request (community_id, status)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ledger_request');
  }
}
