import {
  type ApprovalSlotPayload,
  type ApprovalStepEventKind,
  type ApprovalStepEventPayload,
  approvalStepEventsOf,
  type ServiceName,
} from '@jianfu/contracts';
import type { ReviewerSlot } from './workflow/approval-actions.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';

/**
 * Which published kind an approval change is, if any: what a notification is made of (a new to-do, 催办, an
 * escalation, a hand-over, a decision, a lapse). A single reviewer's decision that does not close its step
 * (会签 waiting for the others) is not published; the audit trail has it.
 */
export function approvalStepEventKind(event: ApprovalEvent): ApprovalStepEventKind | undefined {
  switch (event.action) {
    case 'open':
      return 'opened';
    case 'remind':
    case 'auto-remind':
      return 'reminded';
    case 'escalate':
      return 'escalated';
    case 'transfer':
    case 'add-reviewer':
    case 'copy':
      return 'assigned';
    case 'lapse':
      return 'lapsed';
    case 'answer':
      // One party's answer leaves the step open, like one reviewer's decision in a 会签 step.
      return undefined;
    case 'approve':
    case 'reject':
    case 'return':
    case 'withdraw':
      return event.stateBefore === 'open' && event.stateAfter !== 'open' ? 'decided' : undefined;
  }
}

function slotPayload(slot: ReviewerSlot): ApprovalSlotPayload {
  return {
    slotId: slot.slotId,
    kind: 'review',
    ...(slot.userId ? { userId: slot.userId } : {}),
    ...(slot.role ? { role: slot.role } : {}),
    ...(slot.scope ? { scope: slot.scope } : {}),
    ...(slot.scopeRef ? { scopeRef: slot.scopeRef } : {}),
  };
}

/** Whom the change concerns (see `ApprovalStepEventPayload.slots`). */
function concernedSlots(event: ApprovalEvent, kind: ApprovalStepEventKind): ApprovalSlotPayload[] {
  const { step } = event;
  if (kind === 'assigned') {
    const target = event.targetUserId;
    if (event.action === 'copy') return [{ slotId: `copy:${target}`, kind: 'copy', userId: target! }];
    // The slot handed over or added is the last one the target now holds.
    const slot = [...step.slots].reverse().find((candidate) => candidate.userId === target);
    return slot ? [slotPayload(slot)] : [];
  }
  return step.slots.filter((slot) => !slot.decision).map(slotPayload);
}

export function approvalStepEventPayload(
  service: ServiceName,
  event: ApprovalEvent,
  kind: ApprovalStepEventKind,
): ApprovalStepEventPayload {
  const { subject, step } = event;
  const outcome = kind === 'decided' || kind === 'lapsed' ? event.stateAfter : undefined;
  return {
    service,
    subjectType: subject.subjectType,
    subjectId: subject.subjectId,
    title: subject.title,
    districtCode: subject.districtCode,
    ...(subject.departmentId ? { departmentId: subject.departmentId } : {}),
    submittedBy: subject.submitterId,
    workflowId: subject.workflowId,
    sequence: event.sequence,
    stepId: step.stepId,
    stepName: step.name,
    slots: concernedSlots(event, kind),
    actorId: event.actorId,
    ...(step.deadlineAt ? { dueAt: step.deadlineAt } : {}),
    ...(outcome && outcome !== 'open' ? { outcome } : {}),
    ...(kind === 'reminded' ? { automatic: event.action === 'auto-remind' } : {}),
    ...(kind === 'assigned' ? { assignment: event.action as 'transfer' | 'add-reviewer' | 'copy' } : {}),
    ...(event.reason?.trim() ? { reason: event.reason } : {}),
    occurredAt: event.at,
  };
}

/** The published event of an approval change, if it is one a notification is made of (`approvalStepEventKind`). */
export function approvalStepAnnouncement(service: ServiceName, event: ApprovalEvent) {
  const kind = approvalStepEventKind(event);
  if (!kind) return undefined;
  return {
    definition: approvalStepEventsOf(service)[kind],
    // Keyed by the workflow: one approval's changes stay in order, apart from the subject's own domain events.
    event: { aggregateId: event.subject.workflowId, payload: approvalStepEventPayload(service, event, kind) },
  };
}
