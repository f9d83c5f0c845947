import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each audit entry names the district it belongs to, so an administrator reads only the log of their own district.
 * Entries of no district (a sign-in under an unknown name, a key rotation) stay NULL: they concern the platform.
 * Existing rows take the district of the user they name; the append-only trigger is paused for that one backfill.
 */
export class AuditEntryDistrict1763700000800 implements MigrationInterface {
  name = 'AuditEntryDistrict1763700000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE audit_entry ADD COLUMN district_code text`,
      `ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`,
      `UPDATE audit_entry SET district_code = (
         SELECT district_code FROM role_assignment
         WHERE role_assignment.user_id = audit_entry.user_id ORDER BY assigned_at DESC LIMIT 1)
       WHERE user_id IS NOT NULL`,
      `ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`,
      `CREATE INDEX audit_entry_district ON audit_entry (district_code, id)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS audit_entry_district`);
    await queryRunner.query(`ALTER TABLE audit_entry DROP COLUMN IF EXISTS district_code`);
  }
}
