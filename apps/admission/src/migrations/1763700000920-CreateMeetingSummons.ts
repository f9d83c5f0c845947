import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting summons (会议通知, seed 002: 精简社区会议): what a department summons communities to, and whether it
 * passed within the district's monthly allowance or through review.
 */
export class CreateMeetingSummons1763700000920 implements MigrationInterface {
  name = 'CreateMeetingSummons1763700000920';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meeting_summons (
        id                      uuid PRIMARY KEY,
        district_code           text         NOT NULL,
        department_id           uuid         NOT NULL,
        title                   text         NOT NULL,
        meeting_date            date         NOT NULL,
        hours                   numeric(4,1) NOT NULL CHECK (hours > 0),
        mode                    text         NOT NULL CHECK (mode IN ('on-site', 'online')),
        attendees_per_community integer      NOT NULL CHECK (attendees_per_community > 0),
        basis                   text         NOT NULL,
        community_ids           uuid[]       NOT NULL,
        status                  text         NOT NULL
          CHECK (status IN ('admitted', 'in-review', 'rejected', 'withdrawn', 'expired', 'not-started')),
        admitted_by             text CHECK (admitted_by IN ('allowance', 'review')),
        policy_version          integer      NOT NULL,
        over_allowance          jsonb        NOT NULL DEFAULT '[]',
        submitted_by            text         NOT NULL,
        submitted_at            timestamptz  NOT NULL DEFAULT now(),
        decided_by              text,
        decided_at              timestamptz,
        decision_reason         text
      )`);
    await queryRunner.query(
      'CREATE INDEX meeting_summons_department_month ON meeting_summons (department_id, meeting_date, status)',
    );
    await queryRunner.query('CREATE INDEX meeting_summons_communities ON meeting_summons USING gin (community_ids)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE meeting_summons');
  }
}
