import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkerRecords1763700000600 implements MigrationInterface {
  name = 'CreateWorkerRecords1763700000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE worker (
        id                uuid PRIMARY KEY,
        employee_no       text NOT NULL,
        name              text NOT NULL,
        community_id      uuid NOT NULL,
        street_code       text NOT NULL,
        district_code     text NOT NULL,
        post_step         text NOT NULL,
        post_since        date NOT NULL,
        title_step        text NOT NULL,
        title_since       date NOT NULL,
        education         text NOT NULL,
        party_member      boolean NOT NULL,
        hire_date         date NOT NULL,
        certificates      text[] NOT NULL DEFAULT '{}',
        trainings         jsonb NOT NULL DEFAULT '[]',
        honours           jsonb NOT NULL DEFAULT '[]',
        version           integer NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (district_code, employee_no)
      )`);
    await queryRunner.query('CREATE INDEX worker_community ON worker (community_id)');
    await queryRunner.query('CREATE INDEX worker_scope ON worker (district_code, street_code)');
    await queryRunner.query(`
      CREATE TABLE worker_change (
        id          bigserial PRIMARY KEY,
        worker_id   uuid NOT NULL REFERENCES worker (id),
        kind        text NOT NULL,
        changes     jsonb NOT NULL,
        reason      text NOT NULL,
        changed_by  text NOT NULL,
        changed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX worker_change_worker ON worker_change (worker_id, id)');
    // The history is evidence: rows are only ever added, never edited or removed.
    await queryRunner.query(`
      CREATE FUNCTION worker_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'worker_change is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER worker_change_append_only BEFORE UPDATE OR DELETE ON worker_change
      FOR EACH ROW EXECUTE FUNCTION worker_change_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE worker_change');
    await queryRunner.query('DROP FUNCTION worker_change_append_only');
    await queryRunner.query('DROP TABLE worker');
  }
}
