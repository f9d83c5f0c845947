import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demands on communities (seed 002: 精简社区会议和台账, 严格社区印章管理使用, 三块牌匾) as admission announces
 * them: each task, meeting, ledger or seal admitted for a community and each refusal (违规摊派), with the China
 * month it counts in. One row per demand and community, so a redelivered event changes nothing; the leaders'
 * per-community and per-street figures are sums of these rows.
 */
export class AddCommunityDemands1763700000980 implements MigrationInterface {
  name = 'AddCommunityDemands1763700000980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE community_demand (
        kind          text         NOT NULL CHECK (kind IN ('task', 'meeting', 'ledger', 'seal', 'plaque')),
        outcome       text         NOT NULL CHECK (outcome IN ('admitted', 'refused')),
        source_id     uuid         NOT NULL,
        community_id  uuid         NOT NULL,
        department_id uuid         NOT NULL,
        month         char(7)      NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        hours         numeric(6,1) NOT NULL DEFAULT 0,
        occurred_at   timestamptz  NOT NULL,
        PRIMARY KEY (kind, outcome, source_id, community_id)
      )`);
    await queryRunner.query('CREATE INDEX community_demand_month ON community_demand (community_id, month)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE community_demand');
  }
}
