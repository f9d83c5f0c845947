import type { ServiceName } from '@jianfu/contracts';
import { EventPublisher, TransactionRunner } from '@jianfu/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { createApprovalProjectionActivities } from './approval-projection.activities.js';
import { ApprovalAuditRepository } from './audit/approval-audit.repository.js';
import { ApprovalInboxRepository } from './inbox/approval-inbox.repository.js';

/**
 * The kit's projection activities as a service's worker registers them: in the worker's transactions, publishing
 * the step events through the service's outbox under its name.
 */
export function approvalProjectionActivitiesIn(context: INestApplicationContext, service: ServiceName) {
  return createApprovalProjectionActivities({
    transactions: context.get(TransactionRunner),
    // Repositories without state: the worker needs no Nest module for them.
    inbox: new ApprovalInboxRepository(),
    audit: new ApprovalAuditRepository(),
    events: { publisher: context.get(EventPublisher), service },
  });
}
