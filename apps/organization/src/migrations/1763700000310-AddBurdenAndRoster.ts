import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models fed by other services' events: the tasks admission dispatched to each community (the burden
 * 减负 watches), and each community's workers with their career steps as personnel announces them.
 */
export class AddBurdenAndRoster1763700000310 implements MigrationInterface {
  name = 'AddBurdenAndRoster1763700000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // One row per task and community: a task counts once per community, however often it is announced.
      `CREATE TABLE dispatched_task (
        task_id       uuid NOT NULL,
        community_id  uuid NOT NULL,
        department_id uuid NOT NULL,
        dispatched_at timestamptz NOT NULL,
        PRIMARY KEY (task_id, community_id)
      )`,
      `CREATE INDEX dispatched_task_community ON dispatched_task (community_id, dispatched_at)`,
      `CREATE INDEX dispatched_task_department ON dispatched_task (department_id, dispatched_at)`,
      // as_of: the time of the latest event that placed the worker, so an older event never moves them back.
      `CREATE TABLE roster_worker (
        worker_id    uuid PRIMARY KEY,
        community_id uuid NOT NULL,
        name         text,
        hired_at     timestamptz,
        as_of        timestamptz NOT NULL
      )`,
      `CREATE INDEX roster_worker_community ON roster_worker (community_id)`,
      `CREATE TABLE roster_step (
        worker_id  uuid NOT NULL REFERENCES roster_worker (worker_id),
        track_code text NOT NULL,
        step_code  text NOT NULL,
        step_name  text NOT NULL,
        since      timestamptz NOT NULL,
        request_id uuid NOT NULL,
        PRIMARY KEY (worker_id, track_code)
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE roster_step');
    await queryRunner.query('DROP TABLE roster_worker');
    await queryRunner.query('DROP TABLE dispatched_task');
  }
}
