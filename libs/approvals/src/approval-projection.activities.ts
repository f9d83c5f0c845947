import type { ServiceName } from '@jianfu/contracts';
import type { EventPublisher, TransactionRunner } from '@jianfu/platform';
import { publishApprovalStepEvent } from './approval-step-events.js';
import type { ApprovalAuditRepository } from './audit/approval-audit.repository.js';
import type { ApprovalInboxRepository } from './inbox/approval-inbox.repository.js';
import { WorkingDayCalendarRepository } from './calendar/working-day-calendar.repository.js';
import { calendarSnapshot } from './calendar/working-day-calendar.use-cases.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';
import type { WorkingDayCalendarSnapshot } from './workflow/working-days.js';

type Transaction = Parameters<Parameters<TransactionRunner['run']>[0]>[0];

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
  onRecorded?: (tx: Transaction, event: ApprovalEvent) => Promise<void>;
}

/**
 * Inbox rows and the audit entry of one approval event, written together and once; and the working-day calendar
 * a step counts its deadline by, read from the service's schema (the result is recorded in the workflow's history).
 */
export function createApprovalProjectionActivities(deps: ApprovalProjectionDeps) {
  const calendar = deps.calendar ?? new WorkingDayCalendarRepository();
  const projectInOrder = async (tx: Transaction, events: ApprovalEvent[]): Promise<void> => {
    const lastOfStep = new Map(events.map((event) => [event.step.stepId, event.sequence]));
    const appended = await deps.audit.appendAll(tx, events);
    for (const [index, event] of events.entries()) {
      // A later snapshot of the same step in this batch supersedes this one in the inbox; a copy's row keeps
      // who sent it only from its own event, so a copy is always written.
      if (lastOfStep.get(event.step.stepId) === event.sequence || event.action === 'copy') {
        await deps.inbox.project(tx, event);
      }
      if (!appended[index]) continue;
      if (deps.events) await publishApprovalStepEvent(tx, deps.events.publisher, deps.events.service, event);
      if (deps.onRecorded) await deps.onRecorded(tx, event);
    }
  };
  return {
    async loadWorkingDayCalendar(request: {
      districtCode: string;
      years: number[];
    }): Promise<WorkingDayCalendarSnapshot> {
      return calendarSnapshot(deps.transactions.reader, calendar, request);
    },
    async projectApprovalEvent(event: ApprovalEvent): Promise<void> {
      await deps.transactions.run((tx) => projectInOrder(tx, [event]));
    },
    /**
     * The events a workflow emitted together (e.g. the answers of many communities that arrived in one workflow
     * task), in one transaction: every event is audited and announced as when projected alone, while each step's
     * inbox rows are written once, at the batch's last snapshot of that step.
     */
    async projectApprovalEvents(events: ApprovalEvent[]): Promise<void> {
      await deps.transactions.run((tx) => projectInOrder(tx, events));
    },
  };
}

export type ApprovalProjectionActivities = ReturnType<typeof createApprovalProjectionActivities>;
