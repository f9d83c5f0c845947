import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Listed right after CreateCommunityDirectory1763700000050 in every service that keeps the community directory. */
export class AddCommunityDirectoryStatus1763700000051 implements MigrationInterface {
  name = 'AddCommunityDirectoryStatus1763700000051';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory_community
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged')),
        ADD COLUMN merged_into_community_id uuid,
        ADD COLUMN merged_at timestamptz,
        ADD CONSTRAINT directory_community_merge_recorded
          CHECK ((status = 'merged') = (merged_into_community_id IS NOT NULL AND merged_at IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory_community
        DROP CONSTRAINT directory_community_merge_recorded,
        DROP COLUMN merged_at,
        DROP COLUMN merged_into_community_id,
        DROP COLUMN status`);
  }
}
