import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue, submissions and their rounds, tasks with their communities, violations, departments. */
export class CreateAdmissionTables1763700000200 implements MigrationInterface {
  name = 'CreateAdmissionTables1763700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE department (
        department_id uuid PRIMARY KEY,
        code          text NOT NULL,
        name          text NOT NULL,
        district_code text NOT NULL,
        as_of         timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE catalogue_version (
        district_code text        NOT NULL,
        version       integer     NOT NULL,
        published_at  timestamptz NOT NULL DEFAULT now(),
        published_by  text        NOT NULL,
        note          text,
        item_count    integer     NOT NULL,
        PRIMARY KEY (district_code, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE catalogue_item (
        district_code         text    NOT NULL,
        version               integer NOT NULL,
        code                  text    NOT NULL,
        name                  text    NOT NULL,
        category              text    NOT NULL,
        legal_basis           text    NOT NULL,
        owning_department     text    NOT NULL,
        funding_standard_fen  bigint  NOT NULL CHECK (funding_standard_fen >= 0),
        allowed_ledgers       text[]  NOT NULL DEFAULT '{}',
        evaluation_allowed    boolean NOT NULL DEFAULT false,
        PRIMARY KEY (district_code, version, code),
        FOREIGN KEY (district_code, version) REFERENCES catalogue_version (district_code, version)
      )`);
    // Published versions are history: neither they nor their items change afterwards.
    await queryRunner.query(`
      CREATE FUNCTION catalogue_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published catalogue version is never rewritten';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER catalogue_item_immutable BEFORE UPDATE OR DELETE ON catalogue_item
      FOR EACH ROW EXECUTE FUNCTION catalogue_is_immutable()`);
    await queryRunner.query(`CREATE TRIGGER catalogue_version_immutable BEFORE UPDATE OR DELETE ON catalogue_version
      FOR EACH ROW EXECUTE FUNCTION catalogue_is_immutable()`);

    await queryRunner.query(`
      CREATE TABLE submission (
        id                         uuid PRIMARY KEY,
        district_code              text        NOT NULL,
        department_id              uuid        NOT NULL,
        submitter_id               text        NOT NULL,
        status                     text        NOT NULL CHECK (status IN
          ('draft', 'in-review', 'returned', 'admitted', 'rejected', 'withdrawn', 'expired')),
        round                      integer     NOT NULL DEFAULT 0,
        title                      text        NOT NULL,
        description                text        NOT NULL,
        legal_basis                text,
        catalogue_item_code        text,
        catalogue_version          integer,
        target                     jsonb       NOT NULL,
        target_community_ids       uuid[]      NOT NULL DEFAULT '{}',
        recurrence                 text        NOT NULL CHECK (recurrence IN ('one-off', 'recurring')),
        period_start               date        NOT NULL,
        period_end                 date        NOT NULL,
        required_ledgers           text[]      NOT NULL DEFAULT '{}',
        evaluation                 text,
        funding_per_community_fen  bigint      NOT NULL CHECK (funding_per_community_fen >= 0),
        attachments                jsonb       NOT NULL DEFAULT '[]',
        precheck                   jsonb,
        workflow_id                text,
        outcome_reason             text,
        created_at                 timestamptz NOT NULL DEFAULT now(),
        updated_at                 timestamptz NOT NULL DEFAULT now(),
        first_submitted_at         timestamptz,
        decided_at                 timestamptz,
        creation_key               text,
        UNIQUE (submitter_id, creation_key)
      )`);
    await queryRunner.query('CREATE INDEX submission_department ON submission (department_id, status)');
    await queryRunner.query(`
      CREATE TABLE submission_round (
        submission_id uuid        NOT NULL REFERENCES submission (id),
        round         integer     NOT NULL,
        content       jsonb       NOT NULL,
        submitted_by  text        NOT NULL,
        submitted_at  timestamptz NOT NULL,
        precheck      jsonb,
        outcome       text,
        outcome_reason text,
        closed_at     timestamptz,
        PRIMARY KEY (submission_id, round)
      )`);

    await queryRunner.query(`
      CREATE TABLE task (
        id                 uuid PRIMARY KEY,
        submission_id      uuid        NOT NULL UNIQUE REFERENCES submission (id),
        district_code      text        NOT NULL,
        department_id      uuid        NOT NULL,
        title              text        NOT NULL,
        catalogue_item_code text,
        catalogue_version  integer,
        recurrence         text        NOT NULL,
        period_start       date        NOT NULL,
        period_end         date        NOT NULL,
        required_ledgers   text[]      NOT NULL DEFAULT '{}',
        evaluation         text,
        total_fen          bigint      NOT NULL,
        funding_status     text        NOT NULL CHECK (funding_status IN ('awaiting', 'funded', 'failed')),
        funding_failure    jsonb,
        admitted_at        timestamptz NOT NULL,
        funded_at          timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE task_community (
        task_id        uuid        NOT NULL REFERENCES task (id),
        community_id   uuid        NOT NULL,
        amount_fen     bigint      NOT NULL CHECK (amount_fen >= 0),
        status         text        NOT NULL CHECK (status IN ('admitted', 'dispatched', 'done')),
        dispatched_at  timestamptz,
        done_at        timestamptz,
        done_by        text,
        PRIMARY KEY (task_id, community_id)
      )`);
    await queryRunner.query('CREATE INDEX task_community_community ON task_community (community_id, status)');
    await queryRunner.query(`
      CREATE TABLE violation (
        id             uuid PRIMARY KEY,
        district_code  text        NOT NULL,
        department_id  uuid        NOT NULL,
        community_id   uuid        NOT NULL,
        task_id        uuid,
        code           text        NOT NULL,
        reason         text        NOT NULL,
        reported_by    text        NOT NULL,
        source         text        NOT NULL CHECK (source IN ('gate', 'community')),
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX violation_department ON violation (department_id, recorded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['violation', 'task_community', 'task', 'submission_round', 'submission', 'catalogue_item']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('DROP TABLE catalogue_version');
    await queryRunner.query('DROP FUNCTION catalogue_is_immutable()');
    await queryRunner.query('DROP TABLE department');
  }
}
