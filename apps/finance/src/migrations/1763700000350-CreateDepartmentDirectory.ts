import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finance's copy of the district's departments, fed by organization's DepartmentCreated events. */
export class CreateDepartmentDirectory1763700000350 implements MigrationInterface {
  name = 'CreateDepartmentDirectory1763700000350';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_department (
        department_id uuid PRIMARY KEY,
        code          text        NOT NULL,
        name          text        NOT NULL,
        district_code text        NOT NULL,
        as_of         timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX directory_department_district ON directory_department (district_code, code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE directory_department');
  }
}
