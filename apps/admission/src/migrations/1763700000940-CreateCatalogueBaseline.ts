import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reform's baseline (seed 002: 社区承接事项由原先106项压缩为34项): which catalogue version was the pre-reform
 * list, and why each item left it (cancelled, merged, returned to the department). Both append-only: the latest
 * mark and the latest reason per item stand, earlier ones stay as history.
 */
export class CreateCatalogueBaseline1763700000940 implements MigrationInterface {
  name = 'CreateCatalogueBaseline1763700000940';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalogue_baseline (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        district_code text        NOT NULL,
        version       integer     NOT NULL,
        note          text,
        marked_by     text        NOT NULL,
        marked_at     timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (district_code, version) REFERENCES catalogue_version (district_code, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE catalogue_removal_reason (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        district_code text        NOT NULL,
        code          text        NOT NULL,
        reason        text        NOT NULL CHECK (reason IN ('cancelled', 'merged', 'returned-to-department')),
        merged_into   text,
        note          text,
        recorded_by   text        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX catalogue_removal_reason_code ON catalogue_removal_reason (district_code, code, id)',
    );
    await queryRunner.query(`
      CREATE FUNCTION catalogue_baseline_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the reform baseline is append-only';
      END $$`);
    for (const table of ['catalogue_baseline', 'catalogue_removal_reason']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION catalogue_baseline_is_append_only()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE catalogue_removal_reason');
    await queryRunner.query('DROP TABLE catalogue_baseline');
    await queryRunner.query('DROP FUNCTION catalogue_baseline_is_append_only()');
  }
}
