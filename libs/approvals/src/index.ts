export * from './workflow/index.js';
export * from './api/approval-action.request.js';
export * from './api/approval-inbox.response.js';
export * from './api/approval-step.response.js';
export * from './approval.errors.js';
export * from './approval-projection.activities.js';
export * from './approval-projection-in-worker.js';
export * from './approval-step-events.js';
export * from './audit/approval-audit-entry.entity.js';
export * from './audit/approval-audit.repository.js';
export * from './add-approval-slot-scope.migration.js';
export * from './add-approval-inbox-views.migration.js';
export * from './create-approval-tables.migration.js';
export * from './inbox/approval-inbox-item.entity.js';
export * from './inbox/approval-inbox.controller.js';
export * from './inbox/approval-inbox.module.js';
export * from './inbox/approval-inbox.repository.js';
export * from './inbox/approval-inbox.request.js';
export * from './send-approval-action.js';
export * from './approval-action-sender.js';
export * from './calendar/chinese-days-source.js';
export * from './calendar/create-working-day-calendar.migration.js';
export * from './calendar/working-day-calendar.controller.js';
export * from './calendar/working-day-calendar.errors.js';
export * from './calendar/working-day-calendar.module.js';
export * from './calendar/working-day-calendar.repository.js';
export * from './calendar/working-day-calendar.response.js';
export * from './calendar/working-day-calendar.rules.js';
export * from './calendar/working-day-calendar.use-cases.js';

import { ApprovalAuditEntryEntity } from './audit/approval-audit-entry.entity.js';
import { ApprovalInboxItemEntity } from './inbox/approval-inbox-item.entity.js';

import { AddApprovalInboxViews1763700000800 } from './add-approval-inbox-views.migration.js';
import { AddApprovalSlotScope1763700000061 } from './add-approval-slot-scope.migration.js';
import { CreateWorkingDayCalendar1763700000680 } from './calendar/create-working-day-calendar.migration.js';
import { CreateApprovalTables1763700000060 } from './create-approval-tables.migration.js';

/** Add to the service's migrations, in this order: the kit's tables and every later change to them. */
export const approvalMigrations = [
  CreateApprovalTables1763700000060,
  AddApprovalSlotScope1763700000061,
  CreateWorkingDayCalendar1763700000680,
  AddApprovalInboxViews1763700000800,
];

/** Add to the service's TypeORM entities. */
export const approvalEntities = [ApprovalInboxItemEntity, ApprovalAuditEntryEntity];

/** The kit's tables: add to the service's entities and migrations. */
export const approvalTables = { entities: approvalEntities, migrations: approvalMigrations };
