import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The yearly base fund standard per district, and each year's allocation run with its progress. */
export class CreateBaseAllocations1763700000320 implements MigrationInterface {
  name = 'CreateBaseAllocations1763700000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE base_allocation_standard (
        district_code  text        NOT NULL,
        year           integer     NOT NULL,
        amount_fen     bigint      NOT NULL CHECK (amount_fen > 0),
        set_by         text        NOT NULL,
        set_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE base_allocation_run (
        district_code  text        NOT NULL,
        year           integer     NOT NULL,
        amount_fen     bigint      NOT NULL,
        state          text        NOT NULL,
        run_number     integer     NOT NULL DEFAULT 1,
        run_id         uuid        NOT NULL,
        communities_seen integer   NOT NULL DEFAULT 0,
        communities_paid integer   NOT NULL DEFAULT 0,
        started_by     text        NOT NULL,
        started_at     timestamptz NOT NULL DEFAULT now(),
        finished_at    timestamptz,
        PRIMARY KEY (district_code, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE base_allocation_run');
    await queryRunner.query('DROP TABLE base_allocation_standard');
  }
}
