import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every decision names the version of the district's policy it applied: a cycle the `assessment` version it
 * was opened under, each settled grade the version its bonus came from, an honour award and a cadre review
 * theirs. Rows from before policies existed keep null (they applied the deployment's configuration).
 */
export class AddPolicyVersions1763700000691 implements MigrationInterface {
  name = 'AddPolicyVersions1763700000691';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['assessment_cycle', 'assessment_grade', 'honour_award', 'cadre_review']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN policy_version integer CHECK (policy_version >= 1)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['assessment_cycle', 'assessment_grade', 'honour_award', 'cadre_review']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN policy_version`);
    }
  }
}
