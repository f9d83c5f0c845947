import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 年度目标责任考核 of departments: one completed assessment per department and year, with the 双评议 figures it was
 * completed on and the closed opinion request (征求社区党组织意见) it needed.
 */
export class AddDepartmentAnnualAssessments1763700000960 implements MigrationInterface {
  name = 'AddDepartmentAnnualAssessments1763700000960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE department_annual_assessment (
      department_id      uuid NOT NULL REFERENCES department (id),
      year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      district_code      text NOT NULL,
      score              numeric(6, 1) NOT NULL,
      rank               integer NOT NULL,
      ratings            integer NOT NULL,
      violations         integer NOT NULL,
      policy_version     integer NOT NULL,
      opinion_request_id uuid NOT NULL REFERENCES opinion_request (id),
      completed_by       text NOT NULL,
      completed_at       timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (department_id, year)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS department_annual_assessment`);
  }
}
