import type { ServiceName } from '@jianfu/contracts';
import type { EventPublisher, TransactionRunner } from '@jianfu/platform';
import { publishApprovalStepEvent } from './approval-step-events.js';
import type { ApprovalAuditRepository } from './audit/approval-audit.repository.js';
import type { ApprovalInboxRepository } from './inbox/approval-inbox.repository.js';
import { WorkingDayCalendarRepository } from './calendar/working-day-calendar.repository.js';
import { calendarSnapshot } from './calendar/working-day-calendar.use-cases.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';
import type { WorkingDayCalendarSnapshot } from './workflow/working-days.js';

export interface ApprovalProjectionDeps {
  transactions: TransactionRunner;
  inbox: ApprovalInboxRepository;
  audit: ApprovalAuditRepository;
  /** Stateless; defaults to a new one. */
  calendar?: WorkingDayCalendarRepository;
  /**
   * Publishes the step changes notifications are made of (`<service>.approval.step-*`) through the service's
   * outbox, in the transaction that records them. Every hosting service passes it; tests of the kit may not.
   */
  events?: { publisher: EventPublisher; service: ServiceName };
  /** Runs in the same transaction after the audit entry is new, e.g. to write a service's own history or events. */
  onRecorded?: (tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0], event: ApprovalEvent) => Promise<void>;
}

/**
 * Inbox rows and the audit entry of one approval event, written together and once; and the working-day calendar
 * a step counts its deadline by, read from the service's schema (the result is recorded in the workflow's history).
 */
export function createApprovalProjectionActivities(deps: ApprovalProjectionDeps) {
  const calendar = deps.calendar ?? new WorkingDayCalendarRepository();
  return {
    async loadWorkingDayCalendar(request: {
      districtCode: string;
      years: number[];
    }): Promise<WorkingDayCalendarSnapshot> {
      return calendarSnapshot(deps.transactions.reader, calendar, request);
    },
    async projectApprovalEvent(event: ApprovalEvent): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const appended = await deps.audit.append(tx, event);
        await deps.inbox.project(tx, event);
        if (!appended) return;
        if (deps.events) await publishApprovalStepEvent(tx, deps.events.publisher, deps.events.service, event);
        if (deps.onRecorded) await deps.onRecorded(tx, event);
      });
    },
  };
}

export type ApprovalProjectionActivities = ReturnType<typeof createApprovalProjectionActivities>;
