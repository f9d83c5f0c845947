import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Departments and their users, grids and the hierarchy's change history, secretaries, joint committees,
 * resident units with co-building agreements and joint meetings, facilities, and 双评议 ratings.
 */
export class AddDepartmentsUnitsAndEvaluation1763700000200 implements MigrationInterface {
  name = 'AddDepartmentsUnitsAndEvaluation1763700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE department (
        id            uuid PRIMARY KEY,
        code          text NOT NULL UNIQUE,
        name          text NOT NULL,
        district_code text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE department_user (
        department_id uuid NOT NULL REFERENCES department (id),
        user_id       text NOT NULL,
        name          text NOT NULL,
        role          text NOT NULL,
        added_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, user_id)
      )`,
      // A user acts for one department: the token's scope.departmentId names it.
      `CREATE UNIQUE INDEX department_user_one_department ON department_user (user_id)`,
      `ALTER TABLE community
         ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged')),
         ADD COLUMN merged_into uuid REFERENCES community (id)`,
      `CREATE TABLE grid (
        id           uuid PRIMARY KEY,
        code         text NOT NULL UNIQUE,
        name         text NOT NULL,
        community_id uuid NOT NULL REFERENCES community (id),
        created_at   timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX grid_community ON grid (community_id)`,
      `CREATE TABLE hierarchy_change (
        id          bigserial PRIMARY KEY,
        unit_kind   text NOT NULL,
        unit_id     uuid NOT NULL,
        unit_code   text NOT NULL,
        change      text NOT NULL,
        details     jsonb NOT NULL,
        changed_by  text NOT NULL,
        changed_at  timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX hierarchy_change_unit ON hierarchy_change (unit_code, id)`,
      `ALTER TABLE party_organisation
         ADD COLUMN secretary_worker_id    uuid,
         ADD COLUMN secretary_name         text,
         ADD COLUMN secretary_appointed_at timestamptz`,
      `CREATE TABLE resident_unit (
        id                 uuid PRIMARY KEY,
        code               text NOT NULL UNIQUE,
        name               text NOT NULL,
        kind               text NOT NULL,
        community_id       uuid NOT NULL REFERENCES community (id),
        party_member_count integer NOT NULL DEFAULT 0 CHECK (party_member_count >= 0),
        created_at         timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE joint_committee (
        id           uuid PRIMARY KEY,
        kind         text NOT NULL CHECK (kind IN ('street-joint-working-committee', 'community-joint-committee')),
        name         text NOT NULL,
        street_id    uuid REFERENCES street (id),
        community_id uuid REFERENCES community (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'street-joint-working-committee') = (street_id IS NOT NULL AND community_id IS NULL)),
        CHECK ((kind = 'community-joint-committee') = (community_id IS NOT NULL AND street_id IS NULL))
      )`,
      `CREATE UNIQUE INDEX joint_committee_one_per_street ON joint_committee (street_id) WHERE street_id IS NOT NULL`,
      `CREATE UNIQUE INDEX joint_committee_one_per_community ON joint_committee (community_id) WHERE community_id IS NOT NULL`,
      `CREATE TABLE joint_committee_member (
        committee_id     uuid NOT NULL REFERENCES joint_committee (id),
        resident_unit_id uuid NOT NULL REFERENCES resident_unit (id),
        position         text NOT NULL,
        joined_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (committee_id, resident_unit_id)
      )`,
      `CREATE TABLE alliance_member (
        community_id     uuid NOT NULL REFERENCES community (id),
        resident_unit_id uuid NOT NULL REFERENCES resident_unit (id),
        joined_on        date NOT NULL,
        PRIMARY KEY (community_id, resident_unit_id)
      )`,
      `CREATE TABLE agreement (
        id               uuid PRIMARY KEY,
        code             text NOT NULL UNIQUE,
        community_id     uuid NOT NULL REFERENCES community (id),
        resident_unit_id uuid NOT NULL REFERENCES resident_unit (id),
        starts_on        date NOT NULL,
        ends_on          date NOT NULL,
        signed_by        text NOT NULL,
        signed_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on)
      )`,
      `CREATE TABLE agreement_project (
        id           uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement (id),
        committed_by text NOT NULL CHECK (committed_by IN ('community', 'unit')),
        title        text NOT NULL,
        description  text
      )`,
      `CREATE TABLE joint_meeting (
        id           uuid PRIMARY KEY,
        community_id uuid NOT NULL REFERENCES community (id),
        held_on      date NOT NULL,
        topic        text NOT NULL,
        resolutions  jsonb NOT NULL,
        recorded_by  text NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE joint_meeting_attendance (
        meeting_id       uuid NOT NULL REFERENCES joint_meeting (id),
        resident_unit_id uuid NOT NULL REFERENCES resident_unit (id),
        present          boolean NOT NULL,
        representative   text,
        PRIMARY KEY (meeting_id, resident_unit_id)
      )`,
      `CREATE TABLE community_facility (
        community_id    uuid PRIMARY KEY REFERENCES community (id),
        office_area_m2  integer NOT NULL CHECK (office_area_m2 >= 0),
        service_area_m2 integer NOT NULL CHECK (service_area_m2 >= 0),
        stations        text[] NOT NULL,
        updated_by      text NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE department_rating (
        community_id  uuid NOT NULL REFERENCES community (id),
        department_id uuid NOT NULL REFERENCES department (id),
        period        text NOT NULL,
        grade         text NOT NULL CHECK (grade IN ('satisfied', 'basically-satisfied', 'dissatisfied')),
        comment       text,
        rated_by      text NOT NULL,
        rated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, department_id, period)
      )`,
      // Violations arrive from admission and may name a department before its creation reaches here.
      `CREATE TABLE department_violation (
        violation_id  uuid PRIMARY KEY,
        department_id uuid NOT NULL,
        community_id  uuid NOT NULL,
        task_id       uuid,
        reason        text NOT NULL,
        recorded_at   timestamptz NOT NULL
      )`,
      `CREATE INDEX department_violation_department ON department_violation (department_id, recorded_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'department_violation',
      'department_rating',
      'community_facility',
      'joint_meeting_attendance',
      'joint_meeting',
      'agreement_project',
      'agreement',
      'alliance_member',
      'joint_committee_member',
      'joint_committee',
      'resident_unit',
      'hierarchy_change',
      'grid',
      'department_user',
      'department',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE community DROP COLUMN merged_into, DROP COLUMN status');
    await queryRunner.query(
      'ALTER TABLE party_organisation DROP COLUMN secretary_worker_id, DROP COLUMN secretary_name, DROP COLUMN secretary_appointed_at',
    );
  }
}
