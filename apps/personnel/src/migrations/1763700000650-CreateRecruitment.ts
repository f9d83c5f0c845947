import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRecruitment1763700000650 implements MigrationInterface {
  name = 'CreateRecruitment1763700000650';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recruitment_posting (
        id                     uuid PRIMARY KEY,
        title                  text NOT NULL,
        district_code          text NOT NULL,
        written_pass_mark      numeric(4, 1) NOT NULL CHECK (written_pass_mark BETWEEN 0 AND 100),
        interview_pass_mark    numeric(4, 1) NOT NULL CHECK (interview_pass_mark BETWEEN 0 AND 100),
        written_weight_percent integer NOT NULL CHECK (written_weight_percent BETWEEN 0 AND 100),
        stage                  text NOT NULL,
        opened_by              text NOT NULL,
        opened_at              timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE recruitment_place (
        posting_id   uuid NOT NULL REFERENCES recruitment_posting (id),
        community_id uuid NOT NULL,
        street_code  text NOT NULL,
        places       integer NOT NULL CHECK (places > 0),
        PRIMARY KEY (posting_id, community_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE recruitment_application (
        id                uuid PRIMARY KEY,
        posting_id        uuid NOT NULL,
        community_id      uuid NOT NULL,
        candidate_no      text NOT NULL,
        name              text NOT NULL,
        education         text NOT NULL,
        party_member      boolean NOT NULL,
        applied_at        timestamptz NOT NULL DEFAULT now(),
        written_score     numeric(4, 1) CHECK (written_score BETWEEN 0 AND 100),
        interview_score   numeric(4, 1) CHECK (interview_score BETWEEN 0 AND 100),
        inspection_result text CHECK (inspection_result IN ('pass', 'fail')),
        inspection_note   text,
        status            text NOT NULL CHECK (status IN ('active', 'dropped', 'proposed', 'standby', 'hired', 'not-hired')),
        drop_reason       text,
        total_thousandths integer,
        rank              integer,
        worker_id         uuid REFERENCES worker (id),
        UNIQUE (posting_id, candidate_no),
        FOREIGN KEY (posting_id, community_id) REFERENCES recruitment_place (posting_id, community_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE recruitment_application');
    await queryRunner.query('DROP TABLE recruitment_place');
    await queryRunner.query('DROP TABLE recruitment_posting');
  }
}
