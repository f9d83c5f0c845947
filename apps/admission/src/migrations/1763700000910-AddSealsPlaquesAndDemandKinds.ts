import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demands beyond tasks (seed 002: 严格社区印章管理使用, 三块牌匾): the versioned list of matters a community may
 * certify (盖章证明事项清单), seal and plaque requests as they were answered, and the kind of demand a
 * violation records (a secretary reports meetings, ledgers, seals and plaques that arrived outside the platform).
 */
export class AddSealsPlaquesAndDemandKinds1763700000910 implements MigrationInterface {
  name = 'AddSealsPlaquesAndDemandKinds1763700000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE violation ADD COLUMN kind text NOT NULL DEFAULT 'task'
        CHECK (kind IN ('task', 'meeting', 'ledger', 'seal', 'plaque'))`);
    await queryRunner.query(`
      CREATE TABLE seal_matter_version (
        district_code text        NOT NULL,
        version       integer     NOT NULL,
        note          text,
        item_count    integer     NOT NULL,
        published_by  text        NOT NULL,
        published_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE seal_matter (
        district_code text    NOT NULL,
        version       integer NOT NULL,
        code          text    NOT NULL,
        name          text    NOT NULL,
        basis         text    NOT NULL,
        PRIMARY KEY (district_code, version, code),
        FOREIGN KEY (district_code, version) REFERENCES seal_matter_version (district_code, version)
      )`);
    // A published list is history: a seal request answered under it must stay explainable.
    await queryRunner.query(`
      CREATE FUNCTION seal_matters_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published seal-matter list is never rewritten';
      END $$`);
    for (const table of ['seal_matter_version', 'seal_matter']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION seal_matters_are_immutable()`);
    }
    await queryRunner.query(`
      CREATE TABLE seal_request (
        id              uuid PRIMARY KEY,
        district_code   text        NOT NULL,
        department_id   uuid        NOT NULL,
        community_id    uuid        NOT NULL,
        matter_code     text        NOT NULL,
        requested_for   text        NOT NULL,
        document_sha256 text        NOT NULL,
        list_version    integer,
        status          text        NOT NULL CHECK (status IN ('accepted', 'refused')),
        violation_id    uuid REFERENCES violation (id),
        requested_by    text        NOT NULL,
        requested_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX seal_request_community ON seal_request (community_id, requested_at)');
    await queryRunner.query(`
      CREATE TABLE plaque_request (
        id            uuid PRIMARY KEY,
        district_code text        NOT NULL,
        department_id uuid        NOT NULL,
        community_id  uuid        NOT NULL,
        wording       text        NOT NULL,
        status        text        NOT NULL CHECK (status IN ('already-hung', 'refused')),
        violation_id  uuid REFERENCES violation (id),
        requested_by  text        NOT NULL,
        requested_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX plaque_request_community ON plaque_request (community_id, requested_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE plaque_request');
    await queryRunner.query('DROP TABLE seal_request');
    await queryRunner.query('DROP TABLE seal_matter');
    await queryRunner.query('DROP TABLE seal_matter_version');
    await queryRunner.query('DROP FUNCTION seal_matters_are_immutable()');
    await queryRunner.query('ALTER TABLE violation DROP COLUMN kind');
  }
}
