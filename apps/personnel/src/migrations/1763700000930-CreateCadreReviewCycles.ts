import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual cadre review collected (seed 003: 述职评议、实地走访、入户调查，重点突出工作实绩和社区居民满意度): a cycle per
 * year and street, and for each cadre the debriefing meeting and its ballots, field visits, household surveys and
 * the satisfaction questionnaire. Ballots are append-only: a corrected ballot supersedes the voter's earlier one.
 */
export class CreateCadreReviewCycles1763700000930 implements MigrationInterface {
  name = 'CreateCadreReviewCycles1763700000930';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE cadre_review_cycle (
        id            uuid PRIMARY KEY,
        district_code text NOT NULL,
        street_code   text NOT NULL,
        year          integer NOT NULL,
        status        text NOT NULL DEFAULT 'collecting',
        opened_by     text NOT NULL,
        opened_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (district_code, street_code, year)
      )`,
      `CREATE TABLE cadre_review_meeting (
        cycle_id   uuid NOT NULL REFERENCES cadre_review_cycle (id),
        worker_id  uuid NOT NULL REFERENCES worker (id),
        held_on    date NOT NULL,
        attendees  text[] NOT NULL,
        recorded_by text NOT NULL,
        PRIMARY KEY (cycle_id, worker_id)
      )`,
      `CREATE TABLE cadre_review_ballot (
        id         bigserial PRIMARY KEY,
        cycle_id   uuid NOT NULL,
        worker_id  uuid NOT NULL,
        voter_id   text NOT NULL,
        grade      text NOT NULL CHECK (grade IN ('excellent', 'competent', 'basically-competent', 'incompetent')),
        supersedes bigint UNIQUE REFERENCES cadre_review_ballot (id),
        cast_at    timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (cycle_id, worker_id) REFERENCES cadre_review_meeting (cycle_id, worker_id)
      )`,
      `CREATE TABLE cadre_review_field_visit (
        id          bigserial PRIMARY KEY,
        cycle_id    uuid NOT NULL REFERENCES cadre_review_cycle (id),
        worker_id   uuid NOT NULL REFERENCES worker (id),
        reviewer_id text NOT NULL,
        visited_on  date NOT NULL,
        checklist   jsonb NOT NULL,
        notes       text NOT NULL
      )`,
      // Households are kept as a hash of their id only: the review needs to count each once, not to know who.
      `CREATE TABLE cadre_review_household_survey (
        id             bigserial PRIMARY KEY,
        cycle_id       uuid NOT NULL REFERENCES cadre_review_cycle (id),
        worker_id      uuid NOT NULL REFERENCES worker (id),
        household_hash text NOT NULL,
        answers        integer[] NOT NULL,
        recorded_by    text NOT NULL,
        UNIQUE (cycle_id, worker_id, household_hash)
      )`,
      `CREATE TABLE cadre_review_questionnaire (
        cycle_id            uuid NOT NULL REFERENCES cadre_review_cycle (id),
        worker_id           uuid NOT NULL REFERENCES worker (id),
        sample_size         integer NOT NULL CHECK (sample_size > 0),
        satisfied           integer NOT NULL CHECK (satisfied >= 0),
        basically_satisfied integer NOT NULL CHECK (basically_satisfied >= 0),
        dissatisfied        integer NOT NULL CHECK (dissatisfied >= 0),
        recorded_by         text NOT NULL,
        PRIMARY KEY (cycle_id, worker_id)
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'cadre_review_questionnaire',
      'cadre_review_household_survey',
      'cadre_review_field_visit',
      'cadre_review_ballot',
      'cadre_review_meeting',
      'cadre_review_cycle',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
