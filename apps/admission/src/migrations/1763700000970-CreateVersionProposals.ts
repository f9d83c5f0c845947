import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four-eyes publication of the catalogue (准入清单) and of each department's power-item register (权力清单): a
 * version is first a proposal by one reviewer and becomes a published version only when a different reviewer
 * approves it. Proposals and decisions are only appended; the published version records its approver.
 */
export class CreateVersionProposals1763700000970 implements MigrationInterface {
  name = 'CreateVersionProposals1763700000970';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE version_proposal (
        id            uuid PRIMARY KEY,
        district_code text        NOT NULL,
        register      text        NOT NULL CHECK (register IN ('catalogue', 'power-items')),
        department_id uuid,
        items         jsonb       NOT NULL,
        item_count    integer     NOT NULL,
        note          text,
        proposed_by   text        NOT NULL,
        proposed_at   timestamptz NOT NULL DEFAULT now(),
        CHECK ((register = 'power-items') = (department_id IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX version_proposal_subject ON version_proposal (district_code, register, department_id, proposed_at)',
    );
    await queryRunner.query(`
      CREATE TABLE version_proposal_decision (
        proposal_id       uuid PRIMARY KEY REFERENCES version_proposal (id),
        outcome           text        NOT NULL CHECK (outcome IN ('published', 'rejected')),
        decided_by        text        NOT NULL,
        reason            text,
        published_version integer,
        decided_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome = 'published') = (published_version IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION version_proposal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'version proposals and their decisions are append-only (% on %)', TG_OP, TG_TABLE_NAME;
      END $$`);
    for (const table of ['version_proposal', 'version_proposal_decision']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION version_proposal_is_append_only()`);
    }
    // Versions published in one call before the second approver existed keep a null approver.
    await queryRunner.query('ALTER TABLE catalogue_version ADD COLUMN approved_by text');
    await queryRunner.query('ALTER TABLE power_item_version ADD COLUMN approved_by text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE power_item_version DROP COLUMN approved_by');
    await queryRunner.query('ALTER TABLE catalogue_version DROP COLUMN approved_by');
    await queryRunner.query('DROP TABLE version_proposal_decision');
    await queryRunner.query('DROP TABLE version_proposal');
    await queryRunner.query('DROP FUNCTION version_proposal_is_append_only()');
  }
}
