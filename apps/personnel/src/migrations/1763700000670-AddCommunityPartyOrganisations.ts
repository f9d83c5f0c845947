import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kind of each community's party organisation, learnt from organization's upgrade events. A community
 * without a row has the 支部 it was created with.
 */
export class AddCommunityPartyOrganisations1763700000670 implements MigrationInterface {
  name = 'AddCommunityPartyOrganisations1763700000670';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE community_party_organisation (
        community_id uuid PRIMARY KEY,
        kind         text NOT NULL CHECK (kind IN ('branch', 'general-branch', 'committee')),
        member_count integer NOT NULL,
        request_id   uuid NOT NULL,
        approved_by  text NOT NULL,
        upgraded_at  timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE community_party_organisation');
  }
}
