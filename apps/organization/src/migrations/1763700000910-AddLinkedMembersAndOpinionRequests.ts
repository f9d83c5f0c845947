import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 进社区双公示 and 征求意见: agency party members' linked communities (挂钩社区), opinion requests to communities,
 * and their answers and residents' objections. Answers and objections are append-only: a correction is a new
 * row that names the one it supersedes.
 */
export class AddLinkedMembersAndOpinionRequests1763700000910 implements MigrationInterface {
  name = 'AddLinkedMembersAndOpinionRequests1763700000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE linked_member (
        id             uuid PRIMARY KEY,
        person_id      text NOT NULL,
        person_name    text NOT NULL,
        department_id  uuid NOT NULL REFERENCES department (id),
        community_id   uuid NOT NULL REFERENCES community (id),
        district_code  text NOT NULL,
        linked_since   date NOT NULL,
        recorded_by    text NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (person_id, community_id)
      )`,
      `CREATE INDEX linked_member_community ON linked_member (community_id)`,
      `CREATE TABLE opinion_request (
        id                  uuid PRIMARY KEY,
        district_code       text NOT NULL,
        subject_kind        text NOT NULL CHECK (subject_kind IN ('person', 'department', 'unit')),
        subject_id          text NOT NULL,
        subject_name        text NOT NULL,
        department_id       uuid REFERENCES department (id),
        purpose             text NOT NULL,
        publicity_text      text NOT NULL,
        window_working_days integer NOT NULL CHECK (window_working_days > 0),
        status              text NOT NULL,
        requested_by        text NOT NULL,
        requested_at        timestamptz NOT NULL,
        window_closed_at    timestamptz,
        closed_by           text,
        closed_at           timestamptz
      )`,
      `CREATE INDEX opinion_request_department ON opinion_request (department_id)`,
      `CREATE INDEX opinion_request_open ON opinion_request (status) WHERE status = 'publicising'`,
      `CREATE TABLE opinion_request_community (
        request_id   uuid NOT NULL REFERENCES opinion_request (id),
        community_id uuid NOT NULL REFERENCES community (id),
        PRIMARY KEY (request_id, community_id)
      )`,
      `CREATE TABLE opinion_answer (
        id            bigserial PRIMARY KEY,
        request_id    uuid NOT NULL,
        community_id  uuid NOT NULL,
        answer        text NOT NULL CHECK (answer IN ('agree', 'disagree', 'no-objection', 'no-opinion')),
        reason        text,
        answered_by   text NOT NULL,
        answered_at   timestamptz NOT NULL DEFAULT now(),
        supersedes    bigint REFERENCES opinion_answer (id),
        FOREIGN KEY (request_id, community_id) REFERENCES opinion_request_community (request_id, community_id)
      )`,
      // A record is superseded at most once, so the standing answer of a community is the one nobody superseded.
      `CREATE UNIQUE INDEX opinion_answer_superseded_once ON opinion_answer (supersedes) WHERE supersedes IS NOT NULL`,
      `CREATE TABLE resident_objection (
        id            bigserial PRIMARY KEY,
        request_id    uuid NOT NULL,
        community_id  uuid NOT NULL,
        objection     text NOT NULL,
        recorded_by   text NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (request_id, community_id) REFERENCES opinion_request_community (request_id, community_id)
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'resident_objection',
      'opinion_answer',
      'opinion_request_community',
      'opinion_request',
      'linked_member',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
