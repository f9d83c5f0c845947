import { Command } from '@nestjs/cqrs';
import type { Viewer } from '../../domain/notification.js';

export class MarkAllNotificationsReadCommand extends Command<{ marked: number }> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
