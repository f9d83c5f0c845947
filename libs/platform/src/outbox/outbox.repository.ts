import { Injectable } from '@nestjs/common';
import { entityManagerOf, poolOf, queryRows, StatementParameters } from '../database/persistence.js';
import type { Transaction } from '../database/transaction-runner.js';
import type { EventEnvelope } from '@jianfu/contracts';

export interface PendingOutboxMessage {
  position: string;
  topic: string;
  messageKey: string;
  envelope: EventEnvelope;
}

/** The notification channel of a schema's outbox, as SQL (for NOTIFY) and as a name (for LISTEN). */
const outboxChannelSql = `'jianfu_outbox_' || current_schema()`;
export function outboxChannel(schema: string): string {
  return `jianfu_outbox_${schema}`;
}

/** A row for the outbox: the event and the topic it goes to. */
export interface OutboxEntry {
  topic: string;
  envelope: EventEnvelope;
}

/** Notifies the schema's relay (delivered at commit), as an expression for a statement that appended rows. */
export const outboxNotifySql = `pg_notify(${outboxChannelSql}, '')`;

/**
 * Appends entries in order as part of a larger statement (a `WITH` clause: `… AS (<this>)`), each only where its
 * `onlyIf` SQL condition holds, returning a row per entry appended. The caller's statement notifies the relay
 * (`outboxNotifySql`) when any was, and runs as one statement, so the entries exist exactly when its other writes do.
 */
export function appendToOutboxSql(
  parameters: StatementParameters,
  entries: (OutboxEntry & { onlyIf?: string })[],
): string {
  const rows = entries.map(
    ({ topic, envelope, onlyIf }, ordinal) =>
      `(${ordinal}, ${parameters.add(envelope.id, 'uuid')}, ${parameters.add(topic, 'text')}, ` +
      `${parameters.add(envelope.aggregateId, 'text')}, ${parameters.add(envelope.type, 'text')}, ` +
      `${parameters.add(JSON.stringify(envelope), 'jsonb')}, ${onlyIf ?? 'true'})`,
  );
  // Rows are inserted, and so numbered, in the order of the SELECT: the entries' own.
  return `INSERT INTO outbox_message (event_id, topic, message_key, event_type, envelope)
     SELECT entry.event_id, entry.topic, entry.message_key, entry.event_type, entry.envelope
       FROM (VALUES ${rows.join(', ')}) AS entry (ordinal, event_id, topic, message_key, event_type, envelope, wanted)
      WHERE entry.wanted ORDER BY entry.ordinal
     RETURNING 1`;
}

/** The `outbox_message` table of the current service's schema. */
@Injectable()
export class OutboxRepository {
  /**
   * Appends within the caller's transaction, so the event exists exactly when the state change does. The same
   * statement notifies the relay, delivered at commit and never for a rolled-back change: the relay wakes instead
   * of waiting for its next pass, and the append costs one round trip, not two.
   */
  async append(tx: Transaction, topic: string, envelope: EventEnvelope): Promise<void> {
    const parameters = new StatementParameters();
    await entityManagerOf(tx).query(
      `WITH appended AS (${appendToOutboxSql(parameters, [{ topic, envelope }])})
       SELECT ${outboxNotifySql} FROM appended`,
      parameters.values,
    );
  }

  /**
   * Whether any row waits, as one prepared read outside a transaction: the relay's pass every second on an idle
   * service costs this instead of a transaction of three round trips.
   */
  async anyUnpublished(tx: Transaction): Promise<boolean> {
    const [row] = await queryRows<{ waiting: boolean }>(
      tx,
      'SELECT EXISTS (SELECT 1 FROM outbox_message WHERE published_at IS NULL) AS waiting',
    );
    return row?.waiting === true;
  }

  /**
   * One relay pass: claims the oldest unpublished rows (locked, so a concurrent relay skips them), hands them to
   * `send`, and marks them published once it returns; if it throws, they stay unpublished. On one connection of the
   * pool, in two round trips where a transaction of single statements takes four: `BEGIN` goes with the claim and
   * the mark with `COMMIT`, each pair one simple query (the limit and the positions are numbers, written into the
   * text). A connection that fails under the pass is closed rather than pooled, which rolls it back.
   *
   * While the pass holds the connection, the pool no longer listens for its `error` event (`pg-pool` listens only
   * while a connection idles), and `pg` emits one when the socket dies, besides failing the statement in flight: with
   * no listener that event would be thrown out of the socket's handler and end the process. So the pass listens
   * itself, and a connection that died is closed.
   */
  async relayBatch(
    reader: Transaction,
    limit: number,
    send: (batch: PendingOutboxMessage[]) => Promise<void>,
  ): Promise<number> {
    const pool = poolOf(reader);
    if (!pool) throw new Error('The outbox relay runs on Postgres');
    const client = await pool.connect();
    // Whether the connection is known to be outside a transaction again; if not, it is closed, not pooled.
    let settled = false;
    let lost = false;
    const onLost = () => {
      lost = true;
    };
    client.on('error', onLost);
    try {
      const [, claimed] = (await client.query(
        `BEGIN;
         SELECT position, topic, message_key AS "messageKey", envelope FROM outbox_message
         WHERE published_at IS NULL ORDER BY position LIMIT ${Math.trunc(limit)} FOR UPDATE SKIP LOCKED`,
      )) as [unknown, { rows: PendingOutboxMessage[] }];
      const batch = claimed.rows;
      if (batch.length === 0) {
        await client.query('COMMIT');
        settled = true;
        return 0;
      }
      try {
        await send(batch);
      } catch (error) {
        // The send's error is the one to report; a connection that died meanwhile has rolled back by itself, and is
        // closed below.
        settled = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        throw error;
      }
      // Positions are the table's own bigints, read back as digit strings.
      const positions = batch.map((message) => BigInt(message.position).toString()).join(',');
      await client.query(
        `UPDATE outbox_message SET published_at = now() WHERE position = ANY('{${positions}}'::bigint[]); COMMIT`,
      );
      settled = true;
      return batch.length;
    } finally {
      client.off('error', onLost);
      client.release(settled && !lost ? undefined : true);
    }
  }

  async countUnpublished(tx: Transaction): Promise<number> {
    const [row]: { count: string }[] = await entityManagerOf(tx).query(
      'SELECT count(*) AS count FROM outbox_message WHERE published_at IS NULL',
    );
    return Number(row?.count ?? 0);
  }
}
