import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 进社区双公示 before a promotion to a leadership post: the steps that are leadership posts, and a read model of
 * the opinion requests organization closed (fed by its `OpinionRequestClosed` events, never read across schemas).
 */
export class AddOpinionRequestOutcomes1763700000920 implements MigrationInterface {
  name = 'AddOpinionRequestOutcomes1763700000920';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE career_step ADD COLUMN leadership boolean NOT NULL DEFAULT false`,
      // 街镇(区直部门)副职: an agency leadership post, reached only after the community's say (seed 002).
      `UPDATE career_step SET leadership = true WHERE track_code = 'post' AND code = 'street-deputy'`,
      `CREATE TABLE opinion_request_outcome (
        request_id    uuid PRIMARY KEY,
        district_code text NOT NULL,
        subject_kind  text NOT NULL,
        subject_id    text NOT NULL,
        purpose       text NOT NULL,
        agree         integer NOT NULL,
        disagree      integer NOT NULL,
        no_objection  integer NOT NULL,
        no_opinion    integer NOT NULL,
        resident_objections integer NOT NULL,
        closed_at     timestamptz NOT NULL
      )`,
      `CREATE INDEX opinion_request_outcome_subject ON opinion_request_outcome (subject_kind, subject_id, purpose)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS opinion_request_outcome`);
    await queryRunner.query(`ALTER TABLE career_step DROP COLUMN IF EXISTS leadership`);
  }
}
