import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the metrics read from the service's schema at scrape time. */
@Injectable()
export class MessagingMetricsRepository {
  async outboxBacklog(manager: EntityManager): Promise<{ count: number; oldestAgeSeconds: number }> {
    const [row]: { count: number; oldest_age_seconds: number | null }[] = await manager.query(
      `SELECT count(*)::int AS count, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
       FROM outbox_message WHERE published_at IS NULL`,
    );
    return { count: row?.count ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest_age_seconds ?? 0) };
  }
}
