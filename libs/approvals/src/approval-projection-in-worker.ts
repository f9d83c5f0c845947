import type { ServiceName } from '@jianfu/contracts';
import { EventPublisher, TransactionRunner } from '@jianfu/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { createApprovalProjectionActivities } from './approval-projection.activities.js';

/**
 * The kit's projection activities as a service's worker registers them: in the worker's transactions, publishing
 * the step events through the service's outbox under its name.
 */
export function approvalProjectionActivitiesIn(context: INestApplicationContext, service: ServiceName) {
  return createApprovalProjectionActivities({
    transactions: context.get(TransactionRunner),
    events: { publisher: context.get(EventPublisher), service },
  });
}
