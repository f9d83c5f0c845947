import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposals of a street's collected cadre review: each round keeps the results the street committee proposed
 * (sources, composite, result, policy version), whatever the district decides; an approved round becomes the
 * cadres' annual review.
 */
export class AddCadreReviewCycleProposals1763700000940 implements MigrationInterface {
  name = 'AddCadreReviewCycleProposals1763700000940';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cadre_review_cycle ADD COLUMN round integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE TABLE cadre_review_cycle_result (
      cycle_id               uuid NOT NULL REFERENCES cadre_review_cycle (id),
      round                  integer NOT NULL,
      worker_id              uuid NOT NULL REFERENCES worker (id),
      debriefing_score       integer NOT NULL,
      field_visit_score      integer NOT NULL,
      household_survey_score integer NOT NULL,
      resident_satisfaction  integer NOT NULL,
      field_visit_notes      text NOT NULL,
      composite_tenths       integer NOT NULL,
      result                 text NOT NULL,
      policy_version         integer NOT NULL,
      PRIMARY KEY (cycle_id, round, worker_id)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS cadre_review_cycle_result`);
    await queryRunner.query(`ALTER TABLE cadre_review_cycle DROP COLUMN IF EXISTS round`);
  }
}
