import type { ServiceName } from '@jianfu/contracts';
import type { EventPublisher, Transaction, TransactionRunner } from '@jianfu/platform';
import { ApprovalProjectionRepository } from './approval-projection.repository.js';
import { approvalStepAnnouncement } from './approval-step-events.js';
import { WorkingDayCalendarRepository } from './calendar/working-day-calendar.repository.js';
import { calendarSnapshot } from './calendar/working-day-calendar.use-cases.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';
import type { WorkingDayCalendarSnapshot } from './workflow/working-days.js';

export interface ApprovalProjectionDeps {
  transactions: TransactionRunner;
  /** Stateless; defaults to a new one. */
  calendar?: WorkingDayCalendarRepository;
  /**
   * Publishes the step changes notifications are made of (`<service>.approval.step-*`) through the service's
   * outbox, by the statement that records them. Every hosting service passes it; tests of the kit may not.
   */
  events?: { publisher: EventPublisher; service: ServiceName };
}

/** Writes a workflow's approval events (`ApprovalProjectionRepository.record`) by the executor it is given. */
export type ApprovalEventsRecorder = (executor: Transaction, events: ApprovalEvent[]) => Promise<void>;

/**
 * What projecting a batch of approval events writes: every event audited and announced (`publishing`), each step's
 * inbox rows once, at the batch's last snapshot of that step. One statement, so it runs alone as atomically as in
 * a transaction of the caller's: the kit's own activities run it alone, and an owner's activity that takes a flow's
 * events (`ApprovalFlow.projectWith`) runs it in the transaction of its own effect.
 */
export function approvalEventsRecorder(publishing?: ApprovalProjectionDeps['events']): ApprovalEventsRecorder {
  const projections = new ApprovalProjectionRepository();
  return (executor, events) => {
    const lastOfStep = new Map(events.map((event) => [event.step.stepId, event.sequence]));
    // A later snapshot of the same step in this batch supersedes this one in the inbox; a copy's row keeps who
    // sent it only from its own event, so a copy is always written.
    const inboxEvents = events.filter(
      (event) => lastOfStep.get(event.step.stepId) === event.sequence || event.action === 'copy',
    );
    // An event met twice in the batch is announced once, at its first place (and only if its entry is new).
    const seen = new Set<string>();
    const announcements = events.flatMap((event) => {
      const key = `${event.subject.workflowId}#${event.sequence}`;
      if (!publishing || seen.has(key)) return [];
      seen.add(key);
      const announcement = approvalStepAnnouncement(publishing.service, event);
      return announcement
        ? [{ ...publishing.publisher.prepare(announcement.definition, announcement.event), event }]
        : [];
    });
    return projections.record(executor, events, inboxEvents, announcements);
  };
}

/**
 * Inbox rows and the audit entry of one approval event, written together and once; and the working-day calendar
 * a step counts its deadline by, read from the service's schema (the result is recorded in the workflow's history).
 */
export function createApprovalProjectionActivities(deps: ApprovalProjectionDeps) {
  const calendar = deps.calendar ?? new WorkingDayCalendarRepository();
  const record = approvalEventsRecorder(deps.events);
  const project = (events: ApprovalEvent[]): Promise<void> => record(deps.transactions.reader, events);
  return {
    async loadWorkingDayCalendar(request: {
      districtCode: string;
      years: number[];
    }): Promise<WorkingDayCalendarSnapshot> {
      return calendarSnapshot(deps.transactions.reader, calendar, request);
    },
    async projectApprovalEvent(event: ApprovalEvent): Promise<void> {
      await project([event]);
    },
    /**
     * The events a workflow emitted together (e.g. the answers of many communities that arrived in one workflow
     * task), in one statement: every event is audited and announced as when projected alone, while each step's
     * inbox rows are written once, at the batch's last snapshot of that step.
     */
    async projectApprovalEvents(events: ApprovalEvent[]): Promise<void> {
      await project(events);
    },
  };
}

export type ApprovalProjectionActivities = ReturnType<typeof createApprovalProjectionActivities>;
