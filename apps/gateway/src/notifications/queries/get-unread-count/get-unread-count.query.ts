import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../domain/notification.js';

export class GetUnreadCountQuery extends Query<{ count: number }> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
