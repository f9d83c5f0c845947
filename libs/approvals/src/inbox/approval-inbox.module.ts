import { Module } from '@nestjs/common';
import { ApprovalAuditRepository } from '../audit/approval-audit.repository.js';
import { ApprovalInboxController } from './approval-inbox.controller.js';
import { WorkingDayCalendarRepository } from '../calendar/working-day-calendar.repository.js';
import { ApprovalInboxRepository } from './approval-inbox.repository.js';

/** `GET /approval-inbox` and `GET /approval-audit` over the service's own approval tables. */
@Module({
  controllers: [ApprovalInboxController],
  providers: [ApprovalInboxRepository, ApprovalAuditRepository, WorkingDayCalendarRepository],
  exports: [ApprovalInboxRepository, ApprovalAuditRepository],
})
export class ApprovalInboxModule {}

/** The repositories alone, for a worker process (no controllers). */
@Module({
  providers: [ApprovalInboxRepository, ApprovalAuditRepository],
  exports: [ApprovalInboxRepository, ApprovalAuditRepository],
})
export class ApprovalPersistenceModule {}
