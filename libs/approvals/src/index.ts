export * from './workflow/index.js';
export * from './approval-projection.activities.js';
export * from './audit/approval-audit-entry.entity.js';
export * from './audit/approval-audit.repository.js';
export * from './create-approval-tables.migration.js';
export * from './inbox/approval-inbox-item.entity.js';
export * from './inbox/approval-inbox.controller.js';
export * from './inbox/approval-inbox.module.js';
export * from './inbox/approval-inbox.repository.js';
export * from './inbox/approval-inbox.request.js';
export * from './send-approval-action.js';

import { ApprovalAuditEntryEntity } from './audit/approval-audit-entry.entity.js';
import { ApprovalInboxItemEntity } from './inbox/approval-inbox-item.entity.js';

/** Add to the service's TypeORM entities. */
export const approvalEntities = [ApprovalInboxItemEntity, ApprovalAuditEntryEntity];
