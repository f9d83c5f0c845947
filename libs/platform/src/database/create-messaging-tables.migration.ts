import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox every service keeps in its own schema; listed first in each service's migrations. */
export class CreateMessagingTables1763700000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        position      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id      uuid        NOT NULL UNIQUE,
        topic         text        NOT NULL,
        message_key   text        NOT NULL,
        event_type    text        NOT NULL,
        envelope      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_message_unpublished ON outbox_message (position) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE inbox_message (
        consumer      text        NOT NULL,
        event_id      uuid        NOT NULL,
        event_type    text        NOT NULL,
        topic         text        NOT NULL,
        kafka_partition integer   NOT NULL,
        kafka_offset  bigint      NOT NULL,
        received_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_message');
    await queryRunner.query('DROP TABLE outbox_message');
  }
}
