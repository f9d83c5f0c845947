import type { TransactionRunner } from '@jianfu/platform';
import type { ApprovalAuditRepository } from './audit/approval-audit.repository.js';
import type { ApprovalInboxRepository } from './inbox/approval-inbox.repository.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';

export interface ApprovalProjectionDeps {
  transactions: TransactionRunner;
  inbox: ApprovalInboxRepository;
  audit: ApprovalAuditRepository;
  /** Runs in the same transaction after the audit entry is new, e.g. to write a service's own history or events. */
  onRecorded?: (tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0], event: ApprovalEvent) => Promise<void>;
}

/** Inbox rows and the audit entry of one approval event, written together and once. */
export function createApprovalProjectionActivities(deps: ApprovalProjectionDeps) {
  return {
    async projectApprovalEvent(event: ApprovalEvent): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const appended = await deps.audit.append(tx, event);
        await deps.inbox.project(tx, event);
        if (appended && deps.onRecorded) await deps.onRecorded(tx, event);
      });
    },
  };
}

export type ApprovalProjectionActivities = ReturnType<typeof createApprovalProjectionActivities>;
