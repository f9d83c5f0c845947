import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessmentCycles1763700000620 implements MigrationInterface {
  name = 'CreateAssessmentCycles1763700000620';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assessment_cycle (
        id                   uuid PRIMARY KEY,
        kind                 text NOT NULL CHECK (kind IN ('monthly', 'annual')),
        period               text NOT NULL,
        unit_kind            text NOT NULL CHECK (unit_kind IN ('community', 'street')),
        community_id         uuid,
        street_code          text NOT NULL,
        district_code        text NOT NULL,
        status               text NOT NULL CHECK (status IN ('open', 'awaiting-approval', 'finalised')),
        opened_by            text NOT NULL,
        opened_at            timestamptz NOT NULL DEFAULT now(),
        closing_attempt      integer NOT NULL DEFAULT 0,
        closing_requested_by text,
        last_decision        jsonb,
        finalised_at         timestamptz,
        CHECK ((unit_kind = 'community') = (community_id IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX assessment_cycle_one_per_community ON assessment_cycle (kind, period, community_id)
      WHERE unit_kind = 'community'`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX assessment_cycle_one_per_street ON assessment_cycle (kind, period, district_code, street_code)
      WHERE unit_kind = 'street'`);
    // A worker belongs to one cohort per period, so no one is graded (or paid) twice for the same month or year.
    await queryRunner.query(`
      CREATE TABLE assessment_cohort_member (
        cycle_id     uuid NOT NULL REFERENCES assessment_cycle (id),
        worker_id    uuid NOT NULL REFERENCES worker (id),
        community_id uuid NOT NULL,
        kind         text NOT NULL,
        period       text NOT NULL,
        PRIMARY KEY (cycle_id, worker_id),
        UNIQUE (kind, period, worker_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE assessment_grade (
        cycle_id   uuid NOT NULL,
        worker_id  uuid NOT NULL,
        grade      text NOT NULL CHECK (grade IN ('unqualified', 'qualified', 'good', 'excellent')),
        comment    text,
        graded_by  text NOT NULL,
        graded_at  timestamptz NOT NULL DEFAULT now(),
        bonus_fen  integer CHECK (bonus_fen >= 0),
        PRIMARY KEY (cycle_id, worker_id),
        FOREIGN KEY (cycle_id, worker_id) REFERENCES assessment_cohort_member (cycle_id, worker_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE assessment_grade');
    await queryRunner.query('DROP TABLE assessment_cohort_member');
    await queryRunner.query('DROP TABLE assessment_cycle');
  }
}
