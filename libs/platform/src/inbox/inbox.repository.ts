import { Injectable } from '@nestjs/common';
import { entityManagerOf } from '../database/persistence.js';
import type { Transaction } from '../database/transaction-runner.js';

export interface InboxRecord {
  consumer: string;
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
}

/** The `inbox_message` table: which events each consumer has already handled. */
@Injectable()
export class InboxRepository {
  /** Records the event in the caller's transaction; false means it was handled before. */
  async tryRecord(tx: Transaction, record: InboxRecord): Promise<boolean> {
    const inserted: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO inbox_message (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (consumer, event_id) DO NOTHING
       RETURNING event_id`,
      [record.consumer, record.eventId, record.eventType, record.topic, record.partition, record.offset],
    );
    return inserted.length === 1;
  }
}
