import { Module } from '@nestjs/common';
import { AuditController } from './api/audit.controller.js';
import { ListAuditEntriesHandler } from './queries/list-audit-entries/list-audit-entries.handler.js';
import { AuditLogRepository } from './persistence/audit-log.repository.js';

/** The append-only log of every change to users and assignments and every sign-in. */
@Module({
  controllers: [AuditController],
  providers: [AuditLogRepository, ListAuditEntriesHandler],
  exports: [AuditLogRepository],
})
export class AuditModule {}
