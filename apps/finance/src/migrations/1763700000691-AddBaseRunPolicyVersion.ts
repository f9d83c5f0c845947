import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A base allocation paid at the district's funding-policy default (no standard of its own for the year) records
 * the policy version it took the figure from; null when the district set the year's standard, or before policies.
 */
export class AddBaseRunPolicyVersion1763700000691 implements MigrationInterface {
  name = 'AddBaseRunPolicyVersion1763700000691';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE base_allocation_run ADD COLUMN standard_policy_version integer CHECK (standard_policy_version >= 1)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE base_allocation_run DROP COLUMN standard_policy_version');
  }
}
