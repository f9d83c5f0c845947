import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHierarchyAndPartyOrganisations1763700000100 implements MigrationInterface {
  name = 'CreateHierarchyAndPartyOrganisations1763700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE street (
        id            uuid PRIMARY KEY,
        code          text NOT NULL UNIQUE,
        name          text NOT NULL,
        district_code text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE community (
        id         uuid PRIMARY KEY,
        code       text NOT NULL UNIQUE,
        name       text NOT NULL,
        street_id  uuid NOT NULL REFERENCES street (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE party_organisation (
        community_id uuid PRIMARY KEY REFERENCES community (id),
        kind         text NOT NULL CHECK (kind IN ('branch', 'general-branch', 'committee')),
        member_count integer NOT NULL CHECK (member_count >= 0),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE party_organisation_upgrade_request (
        id              uuid PRIMARY KEY,
        community_id    uuid NOT NULL REFERENCES community (id),
        from_kind       text NOT NULL,
        to_kind         text NOT NULL,
        member_count    integer NOT NULL,
        status          text NOT NULL,
        requested_by    text NOT NULL,
        requested_at    timestamptz NOT NULL,
        decided_by      text,
        decision_reason text,
        decided_at      timestamptz
      )`);
    // At most one request per community may await a decision.
    await queryRunner.query(`
      CREATE UNIQUE INDEX upgrade_request_one_pending ON party_organisation_upgrade_request (community_id)
      WHERE status = 'awaiting-decision'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE party_organisation_upgrade_request');
    await queryRunner.query('DROP TABLE party_organisation');
    await queryRunner.query('DROP TABLE community');
    await queryRunner.query('DROP TABLE street');
  }
}
