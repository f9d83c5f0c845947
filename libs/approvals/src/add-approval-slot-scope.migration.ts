import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation scope of a reviewer slot on its inbox row (`district`, or the streets, communities or
 * department it names), so the inbox lists a scoped item only to those whose scope reaches it.
 */
export class AddApprovalSlotScope1763700000061 implements MigrationInterface {
  name = 'AddApprovalSlotScope1763700000061';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval_inbox_item
        ADD COLUMN assignee_scope_level text CHECK (assignee_scope_level IN ('district', 'street', 'community', 'department')),
        ADD COLUMN assignee_scope_units text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE approval_inbox_item DROP COLUMN assignee_scope_units, DROP COLUMN assignee_scope_level',
    );
  }
}
