import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy documents in the service's own schema, append-only: a version is a row that never changes, and
 * its decision (published or rejected, by a second person) is another row that never changes either. What
 * applied at a date is the latest published version effective by then, so no answer about the past moves.
 */
export class CreatePolicyTables1763700000690 implements MigrationInterface {
  name = 'CreatePolicyTables1763700000690';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE policy_version (
        district_code  text NOT NULL,
        kind           text NOT NULL,
        version        integer NOT NULL CHECK (version >= 1),
        document       jsonb NOT NULL,
        effective_from date NOT NULL,
        reason         text NOT NULL,
        proposed_by    text NOT NULL,
        proposed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, kind, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE policy_decision (
        district_code text NOT NULL,
        kind          text NOT NULL,
        version       integer NOT NULL,
        outcome       text NOT NULL CHECK (outcome IN ('published', 'rejected')),
        decided_by    text NOT NULL,
        reason        text,
        decided_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, kind, version),
        FOREIGN KEY (district_code, kind, version) REFERENCES policy_version (district_code, kind, version)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION policy_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'policy versions and decisions are append-only (% on %)', TG_OP, TG_TABLE_NAME;
      END $$`);
    for (const table of ['policy_version', 'policy_decision']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION policy_append_only()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE policy_decision');
    await queryRunner.query('DROP TABLE policy_version');
    await queryRunner.query('DROP FUNCTION policy_append_only');
  }
}
