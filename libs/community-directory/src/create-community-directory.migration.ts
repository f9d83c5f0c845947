import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Listed in the migrations of every service that keeps the community directory. */
export class CreateCommunityDirectory1763700000050 implements MigrationInterface {
  name = 'CreateCommunityDirectory1763700000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory_community (
        community_id  uuid PRIMARY KEY,
        code          text NOT NULL,
        name          text NOT NULL,
        street_code   text NOT NULL,
        district_code text NOT NULL,
        as_of         timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX directory_community_street ON directory_community (district_code, street_code)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE directory_community');
  }
}
