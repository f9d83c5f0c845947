import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district's active communities in order of their code, as the base allocation pages through them: without it
 * every page sorted the whole district, and a run over 100,000 communities cost a page in proportion to its offset.
 * Listed after AddCommunityDirectoryStatus1763700000051.
 */
export class AddCommunityDirectoryCodeOrder1763700000052 implements MigrationInterface {
  name = 'AddCommunityDirectoryCodeOrder1763700000052';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX directory_community_active_code ON directory_community (district_code, code, community_id)
       WHERE status = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX directory_community_active_code');
  }
}
