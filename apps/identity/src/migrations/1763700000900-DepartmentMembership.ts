import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who works for which department, as the organization service's department users say (by event): a user's tokens
 * name that department (org_scope.departmentId). One row per user: organization puts a user on one department only.
 * `user_id` is the token subject organization was given, not necessarily a user of this service yet.
 */
export class DepartmentMembership1763700000900 implements MigrationInterface {
  name = 'DepartmentMembership1763700000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE department_membership (
        user_id       text PRIMARY KEY,
        department_id uuid NOT NULL,
        district_code text NOT NULL,
        role          text NOT NULL,
        assigned_at   timestamptz NOT NULL
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS department_membership`);
  }
}
