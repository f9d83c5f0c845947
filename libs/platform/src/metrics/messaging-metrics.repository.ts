import { Injectable } from '@nestjs/common';
import { entityManagerOf } from '../database/persistence.js';
import type { Transaction } from '../database/transaction-runner.js';

/** What the metrics read from the service's schema at scrape time. */
@Injectable()
export class MessagingMetricsRepository {
  async outboxBacklog(tx: Transaction): Promise<{ count: number; oldestAgeSeconds: number }> {
    const [row]: { count: number; oldest_age_seconds: number | null }[] = await entityManagerOf(tx).query(
      `SELECT count(*)::int AS count, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
       FROM outbox_message WHERE published_at IS NULL`,
    );
    return { count: row?.count ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest_age_seconds ?? 0) };
  }
}
