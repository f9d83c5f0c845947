import { Injectable } from '@nestjs/common';
import { entityManagerOf } from '../database/persistence.js';
import type { Transaction } from '../database/transaction-runner.js';

export type DeadLetterReason = 'malformed' | 'unknown-type' | 'handler-failed';
export type DeadLetterStatus = 'pending' | 'replayed';
export type ReplayOutcome = 'handled' | 'duplicate' | 'ignored';

export interface NewDeadLetter {
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  messageKey: string | null;
  rawValue: Buffer;
  eventId: string | null;
  eventType: string | null;
  reason: DeadLetterReason;
  detail: string;
  attempts: number;
}

export interface DeadLetter extends NewDeadLetter {
  deadLetterId: string;
  status: DeadLetterStatus;
  deadLetteredAt: Date;
  replayedAt: Date | null;
  replayOutcome: ReplayOutcome | null;
  replayAttempts: number;
  lastReplayError: string | null;
}

interface DeadLetterRow {
  dead_letter_id: string;
  consumer: string;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  message_key: string | null;
  raw_value: Buffer;
  event_id: string | null;
  event_type: string | null;
  reason: DeadLetterReason;
  detail: string;
  attempts: number;
  status: DeadLetterStatus;
  dead_lettered_at: Date;
  replayed_at: Date | null;
  replay_outcome: ReplayOutcome | null;
  replay_attempts: number;
  last_replay_error: string | null;
}

/** Postgres text refuses NUL; a poison message may well carry one in what we quote from it. */
function storable(text: string | null, max = 4000): string | null {
  return text === null ? null : text.replaceAll('\u0000', '\uFFFD').slice(0, max);
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    deadLetterId: row.dead_letter_id,
    consumer: row.consumer,
    topic: row.topic,
    partition: row.kafka_partition,
    offset: String(row.kafka_offset),
    messageKey: row.message_key,
    rawValue: row.raw_value,
    eventId: row.event_id,
    eventType: row.event_type,
    reason: row.reason,
    detail: row.detail,
    attempts: row.attempts,
    status: row.status,
    deadLetteredAt: row.dead_lettered_at,
    replayedAt: row.replayed_at,
    replayOutcome: row.replay_outcome,
    replayAttempts: row.replay_attempts,
    lastReplayError: row.last_replay_error,
  };
}

/** The `dead_letter` table of the current service's schema. */
@Injectable()
export class DeadLetterRepository {
  /** Records the message once; a redelivery of the same Kafka message returns the row recorded first. */
  async record(tx: Transaction, letter: NewDeadLetter): Promise<DeadLetter> {
    const rows: DeadLetterRow[] = await entityManagerOf(tx).query(
      `INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, message_key, raw_value, event_id,
                                event_type, reason, detail, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO UPDATE SET consumer = EXCLUDED.consumer
       RETURNING *`,
      [
        letter.consumer,
        letter.topic,
        letter.partition,
        letter.offset,
        storable(letter.messageKey, 1000),
        letter.rawValue,
        storable(letter.eventId, 200),
        storable(letter.eventType, 200),
        letter.reason,
        storable(letter.detail),
        letter.attempts,
      ],
    );
    return toDeadLetter(rows[0]);
  }

  async find(tx: Transaction, deadLetterId: string): Promise<DeadLetter | undefined> {
    const rows: DeadLetterRow[] = await entityManagerOf(tx).query(
      'SELECT * FROM dead_letter WHERE dead_letter_id = $1',
      [deadLetterId],
    );
    return rows[0] ? toDeadLetter(rows[0]) : undefined;
  }

  /** Locks a pending dead letter for its replay; concurrent replays of one letter wait here and then find it done. */
  async lockPending(tx: Transaction, deadLetterId: string): Promise<DeadLetter | undefined> {
    const rows: DeadLetterRow[] = await entityManagerOf(tx).query(
      `SELECT * FROM dead_letter WHERE dead_letter_id = $1 AND status = 'pending' FOR UPDATE`,
      [deadLetterId],
    );
    return rows[0] ? toDeadLetter(rows[0]) : undefined;
  }

  async markReplayed(tx: Transaction, deadLetterId: string, outcome: ReplayOutcome): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE dead_letter SET status = 'replayed', replayed_at = now(), replay_outcome = $2,
              replay_attempts = replay_attempts + 1
       WHERE dead_letter_id = $1`,
      [deadLetterId, outcome],
    );
  }

  async noteReplayFailure(tx: Transaction, deadLetterId: string, error: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE dead_letter SET replay_attempts = replay_attempts + 1, last_replay_error = $2
       WHERE dead_letter_id = $1 AND status = 'pending'`,
      [deadLetterId, storable(error)],
    );
  }

  async list(
    tx: Transaction,
    filter: { status?: DeadLetterStatus },
    page: { offset: number; limit: number },
  ): Promise<{ items: DeadLetter[]; total: number }> {
    const where = filter.status ? 'WHERE status = $1' : 'WHERE $1::text IS NULL';
    const [count]: { total: number }[] = await entityManagerOf(tx).query(
      `SELECT count(*)::int AS total FROM dead_letter ${where}`,
      [filter.status ?? null],
    );
    const rows: DeadLetterRow[] = await entityManagerOf(tx).query(
      `SELECT * FROM dead_letter ${where} ORDER BY dead_lettered_at DESC, dead_letter_id LIMIT $2 OFFSET $3`,
      [filter.status ?? null, page.limit, page.offset],
    );
    return { items: rows.map(toDeadLetter), total: count?.total ?? 0 };
  }

  /** Pending dead letters by reason, for the metrics gauge. */
  async countPending(tx: Transaction): Promise<{ reason: DeadLetterReason; count: number }[]> {
    return entityManagerOf(tx).query(
      `SELECT reason, count(*)::int AS count FROM dead_letter WHERE status = 'pending' GROUP BY reason`,
    );
  }
}
