import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two career tracks (双轨) as data, with the default eligibility rules every district starts from
 * (district `*`). A district overrides a step's rule by adding its own row; code never names a step.
 */
export class CreateCareerTracks1763700000610 implements MigrationInterface {
  name = 'CreateCareerTracks1763700000610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE career_track (
        code     text PRIMARY KEY,
        name     text NOT NULL,
        position integer NOT NULL UNIQUE
      )`);
    await queryRunner.query(`
      CREATE TABLE career_step (
        track_code text NOT NULL REFERENCES career_track (code),
        code       text NOT NULL,
        name       text NOT NULL,
        ordinal    integer NOT NULL CHECK (ordinal >= 1),
        -- Reaching this step makes the worker their community's party secretary (organization is told).
        appoints_secretary boolean NOT NULL DEFAULT false,
        PRIMARY KEY (track_code, code),
        UNIQUE (track_code, ordinal)
      )`);
    await queryRunner.query(`
      CREATE TABLE career_step_rule (
        district_code           text NOT NULL,
        track_code              text NOT NULL,
        step_code               text NOT NULL,
        min_years_in_rank       numeric(4, 1) NOT NULL DEFAULT 0 CHECK (min_years_in_rank >= 0),
        recent_annual_grades    integer NOT NULL DEFAULT 0 CHECK (recent_annual_grades >= 0),
        recent_annual_min_grade text NOT NULL DEFAULT 'qualified'
          CHECK (recent_annual_min_grade IN ('qualified', 'good', 'excellent')),
        required_certificates   text[] NOT NULL DEFAULT '{}',
        min_education           text,
        requires_party_member   boolean NOT NULL DEFAULT false,
        limited_by_places       boolean NOT NULL DEFAULT false,
        updated_by              text NOT NULL DEFAULT 'seed',
        updated_at              timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, track_code, step_code),
        FOREIGN KEY (track_code, step_code) REFERENCES career_step (track_code, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE career_establishment (
        district_code text NOT NULL,
        track_code    text NOT NULL,
        step_code     text NOT NULL,
        places        integer NOT NULL CHECK (places >= 0),
        updated_by    text NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_code, track_code, step_code),
        FOREIGN KEY (track_code, step_code) REFERENCES career_step (track_code, code)
      )`);

    await queryRunner.query(`
      INSERT INTO career_track (code, name, position) VALUES
        ('post', '职务晋升通道', 1),
        ('professional', '专业职称通道', 2)`);
    await queryRunner.query(`
      INSERT INTO career_step (track_code, code, name, ordinal, appoints_secretary) VALUES
        ('post', 'community-worker', '社区工作者', 1, false),
        ('post', 'community-secretary', '社区书记', 2, true),
        ('post', 'career-secretary', '事业编制社区书记', 3, false),
        ('post', 'street-deputy', '街镇(区直部门)副职', 4, false),
        ('professional', 'untitled', '社区工作者', 1, false),
        ('professional', 'assistant-social-worker', '助理社会工作师', 2, false),
        ('professional', 'social-worker', '社会工作师', 3, false),
        ('professional', 'senior-social-worker', '高级社会工作师', 4, false)`);
    await queryRunner.query(`
      INSERT INTO career_step_rule (district_code, track_code, step_code, min_years_in_rank, recent_annual_grades,
        recent_annual_min_grade, required_certificates, min_education, requires_party_member, limited_by_places)
      VALUES
        ('*', 'post', 'community-secretary', 3, 2, 'good', '{}', 'junior-college', true, false),
        ('*', 'post', 'career-secretary', 5, 3, 'good', '{}', 'junior-college', true, true),
        ('*', 'post', 'street-deputy', 2, 2, 'excellent', '{}', 'bachelor', true, true),
        ('*', 'professional', 'assistant-social-worker', 1, 1, 'qualified',
          '{assistant-social-worker-qualification}', NULL, false, false),
        ('*', 'professional', 'social-worker', 3, 2, 'qualified', '{social-worker-qualification}', NULL, false, false),
        ('*', 'professional', 'senior-social-worker', 5, 2, 'good', '{senior-social-worker-qualification}',
          'bachelor', false, true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE career_establishment');
    await queryRunner.query('DROP TABLE career_step_rule');
    await queryRunner.query('DROP TABLE career_step');
    await queryRunner.query('DROP TABLE career_track');
  }
}
