import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHonoursAndCadreReviews1763700000640 implements MigrationInterface {
  name = 'CreateHonoursAndCadreReviews1763700000640';

  async up(queryRunner: QueryRunner): Promise<void> {
    // An honour is paid once: the same level, title and year for the same worker is one award.
    await queryRunner.query(`
      CREATE TABLE honour_award (
        id           uuid PRIMARY KEY,
        worker_id    uuid NOT NULL REFERENCES worker (id),
        community_id uuid NOT NULL,
        level        text NOT NULL CHECK (level IN ('national', 'provincial', 'city')),
        title        text NOT NULL,
        year         integer NOT NULL,
        conferred_by text NOT NULL,
        amount_fen   integer NOT NULL CHECK (amount_fen >= 0),
        awarded_by   text NOT NULL,
        awarded_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (worker_id, level, title, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE cadre_review (
        worker_id              uuid NOT NULL REFERENCES worker (id),
        year                   integer NOT NULL,
        debriefing_score       integer NOT NULL CHECK (debriefing_score BETWEEN 0 AND 100),
        field_visit_score      integer NOT NULL CHECK (field_visit_score BETWEEN 0 AND 100),
        field_visit_notes      text NOT NULL,
        household_survey_score integer NOT NULL CHECK (household_survey_score BETWEEN 0 AND 100),
        resident_satisfaction  integer NOT NULL CHECK (resident_satisfaction BETWEEN 0 AND 100),
        composite_tenths       integer NOT NULL,
        result                 text NOT NULL,
        reviewed_by            text NOT NULL,
        reviewed_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE cadre_review');
    await queryRunner.query('DROP TABLE honour_award');
  }
}
