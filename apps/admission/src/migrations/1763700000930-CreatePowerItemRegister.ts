import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The power-item register (权力清单, seed 002: 区级部门行政权力事项取消65项): per department, versioned, each item
 * kept, cancelled or devolved with its decision document; and the power item a submission cites.
 */
export class CreatePowerItemRegister1763700000930 implements MigrationInterface {
  name = 'CreatePowerItemRegister1763700000930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE power_item_version (
        district_code text        NOT NULL,
        department_id uuid        NOT NULL,
        version       integer     NOT NULL,
        note          text,
        item_count    integer     NOT NULL,
        published_by  text        NOT NULL,
        published_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE power_item (
        department_id     uuid    NOT NULL,
        version           integer NOT NULL,
        code              text    NOT NULL,
        name              text    NOT NULL,
        status            text    NOT NULL
          CHECK (status IN ('kept', 'cancelled', 'devolved-to-street', 'devolved-to-community')),
        decision_document text,
        PRIMARY KEY (department_id, version, code),
        FOREIGN KEY (department_id, version) REFERENCES power_item_version (department_id, version)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION power_items_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published power-item register version is never rewritten';
      END $$`);
    for (const table of ['power_item_version', 'power_item']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION power_items_are_immutable()`);
    }
    await queryRunner.query('ALTER TABLE submission ADD COLUMN power_item_code text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE submission DROP COLUMN power_item_code');
    await queryRunner.query('DROP TABLE power_item');
    await queryRunner.query('DROP TABLE power_item_version');
    await queryRunner.query('DROP FUNCTION power_items_are_immutable()');
  }
}
