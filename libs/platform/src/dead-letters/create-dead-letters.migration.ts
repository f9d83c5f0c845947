import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events a service's consumer could not apply: kept byte for byte with where they came from and why,
 * until an operator replays them. One row per Kafka message, so a redelivered poison message is not doubled.
 */
export class CreateDeadLetters1763900000000 implements MigrationInterface {
  name = 'CreateDeadLetters1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letter (
        dead_letter_id   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        consumer         text        NOT NULL,
        topic            text        NOT NULL,
        kafka_partition  integer     NOT NULL,
        kafka_offset     bigint      NOT NULL,
        message_key      text,
        raw_value        bytea       NOT NULL,
        event_id         text,
        event_type       text,
        reason           text        NOT NULL CHECK (reason IN ('malformed', 'unknown-type', 'handler-failed')),
        detail           text        NOT NULL,
        attempts         integer     NOT NULL,
        status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'replayed')),
        dead_lettered_at timestamptz NOT NULL DEFAULT now(),
        replayed_at      timestamptz,
        replay_outcome   text CHECK (replay_outcome IN ('handled', 'duplicate', 'ignored')),
        replay_attempts  integer     NOT NULL DEFAULT 0,
        last_replay_error text,
        UNIQUE (consumer, topic, kafka_partition, kafka_offset)
      )`);
    await queryRunner.query(
      `CREATE INDEX dead_letter_pending ON dead_letter (dead_lettered_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letter');
  }
}
