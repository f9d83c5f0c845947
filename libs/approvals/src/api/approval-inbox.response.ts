import { ApiProperty } from '@nestjs/swagger';
import type { ApprovalAuditEntryEntity } from '../audit/approval-audit-entry.entity.js';
import type { ApprovalInboxItemEntity } from '../inbox/approval-inbox-item.entity.js';
import { chinaDate, workingDaysBetween, type WorkingDayCalendar } from '../workflow/working-days.js';
import { ApprovalStepResponse, stepStatuses, toApprovalStepResponse } from './approval-step.response.js';

export const inboxItemStatuses = ['open', 'done', 'closed'] as const;

/** One reviewer slot (or copy) of one approval step: an item of "what waits for me" (待办). */
export class ApprovalInboxItemResponse {
  @ApiProperty({ example: 'task-admission-6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10' })
  workflowId!: string;

  @ApiProperty({ example: 'street-review-1' })
  stepId!: string;

  @ApiProperty({ example: '街道/民政审核' })
  stepName!: string;

  @ApiProperty({ example: 'street' })
  slotId!: string;

  @ApiProperty({ enum: ['review', 'copy'] })
  kind!: 'review' | 'copy';

  @ApiProperty({ example: 'admission-submission' })
  subjectType!: string;

  @ApiProperty({ example: '6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10' })
  subjectId!: string;

  @ApiProperty({ example: '居家养老服务补贴对象入户核查' })
  title!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: String, nullable: true })
  departmentId!: string | null;

  @ApiProperty()
  submitterId!: string;

  @ApiProperty({
    description:
      'Who sent the item (发起人/转交人): the user who copied it (抄送), handed the slot over (转办) or added it (加签); the submitter otherwise',
  })
  sentBy!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The user who decided this slot (已办)' })
  decidedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The user the slot names, if it names one' })
  assigneeUserId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The role the slot names, if it names one' })
  assigneeRole!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The older single-unit scope of recorded reviews' })
  assigneeScopeRef!: string | null;

  @ApiProperty({ enum: ['district', 'street', 'community', 'department'], nullable: true })
  assigneeScopeLevel!: 'district' | 'street' | 'community' | 'department' | null;

  @ApiProperty({ type: [String], description: 'The streets, communities or department the slot’s scope names' })
  assigneeScopeUnits!: string[];

  @ApiProperty({ enum: inboxItemStatuses, description: 'open: waits; done: this slot decided; closed: step over' })
  status!: (typeof inboxItemStatuses)[number];

  @ApiProperty({ enum: stepStatuses, description: 'Where the step stands' })
  stepStatus!: string;

  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'reject', 'return'] })
  decision!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadlineAt!: Date | null;

  @ApiProperty({
    description:
      'True when the deadline runs through a year whose 调休 arrangement was not loaded: counted by the statutory days only',
  })
  calendarProvisional!: boolean;

  @ApiProperty({ description: 'Still open and past its deadline (shown in red)' })
  overdue!: boolean;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description:
      'Working days left before the deadline, today included when it is a working day (0 when overdue); null when the item is not open, has no deadline, or the answer carries no calendar',
  })
  workingDaysLeft!: number | null;

  @ApiProperty({ type: 'integer' })
  reminders!: number;

  @ApiProperty()
  escalated!: boolean;

  @ApiProperty({ format: 'date-time' })
  openedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: Date | null;
}

/** One change of an approval step, as the append-only audit trail records it. */
export class ApprovalAuditEntryResponse {
  @ApiProperty()
  workflowId!: string;

  @ApiProperty({ type: 'integer', description: 'Counts from 1 per workflow' })
  sequence!: number;

  @ApiProperty({ example: 'admission-submission' })
  subjectType!: string;

  @ApiProperty()
  subjectId!: string;

  @ApiProperty()
  districtCode!: string;

  @ApiProperty({ example: 'street-review-1' })
  stepId!: string;

  @ApiProperty({ example: '街道/民政审核' })
  stepName!: string;

  @ApiProperty({ description: '`system` for automatic changes (opening, reminders, deadlines)' })
  actorId!: string;

  @ApiProperty({ type: String, nullable: true })
  actorRole!: string | null;

  @ApiProperty({
    example: 'return',
    description:
      'approve, reject, return, withdraw, transfer, add-reviewer, copy, remind, answer, open, escalate, lapse, auto-remind',
  })
  action!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: String, nullable: true })
  targetUserId!: string | null;

  @ApiProperty({ enum: stepStatuses, description: 'Where the step stood before the change' })
  statusBefore!: string;

  @ApiProperty({ enum: stepStatuses, description: 'Where the step stood after the change' })
  statusAfter!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: Date;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: Date;
}

/** An audit entry with the step as it stood after the change (`GET /approval-audit`). */
export class ApprovalAuditTrailEntryResponse extends ApprovalAuditEntryResponse {
  @ApiProperty({ type: ApprovalStepResponse })
  step!: ApprovalStepResponse;
}

/** What an inbox answer counts deadlines by: now, and the district's working-day calendar. */
export interface InboxTiming {
  now: Date;
  calendar?: WorkingDayCalendar;
}

/** Working days left to an open deadline: today (if a working day and not past) and each later one up to the last. */
export function workingDaysLeft(calendar: WorkingDayCalendar, now: Date, deadlineAt: Date): number {
  if (deadlineAt.getTime() <= now.getTime()) return 0;
  const today = chinaDate(now);
  // The deadline is 24:00 of its last working day, i.e. the start of the next day.
  const lastDay = deadlineAt.getTime() - 1;
  return (calendar.isWorkingDay(today) ? 1 : 0) + workingDaysBetween(calendar, now, lastDay);
}

export function toApprovalInboxItemResponse(
  item: ApprovalInboxItemEntity,
  timing: InboxTiming = { now: new Date() },
): ApprovalInboxItemResponse {
  const open = item.state === 'open';
  const overdue = open && item.deadlineAt !== null && item.deadlineAt.getTime() < timing.now.getTime();
  return {
    workflowId: item.workflowId,
    stepId: item.stepId,
    stepName: item.stepName,
    slotId: item.slotId,
    kind: item.kind,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    title: item.title,
    districtCode: item.districtCode,
    departmentId: item.departmentId,
    submitterId: item.submitterId,
    sentBy: item.sentBy ?? item.submitterId,
    decidedBy: item.decidedBy,
    assigneeUserId: item.assigneeUserId,
    assigneeRole: item.assigneeRole,
    assigneeScopeRef: item.assigneeScopeRef,
    assigneeScopeLevel: item.assigneeScopeLevel,
    assigneeScopeUnits: item.assigneeScopeUnits,
    status: item.state,
    stepStatus: item.stepState,
    decision: item.decision,
    deadlineAt: item.deadlineAt,
    calendarProvisional: item.calendarProvisional,
    overdue,
    workingDaysLeft:
      open && item.deadlineAt && timing.calendar ? workingDaysLeft(timing.calendar, timing.now, item.deadlineAt) : null,
    reminders: item.reminders,
    escalated: item.escalated,
    openedAt: item.openedAt,
    closedAt: item.closedAt,
  };
}

/** An audit entry without the step snapshot (the submission history shows the steps as assignments). */
export function toApprovalAuditEntryResponse(entry: ApprovalAuditEntryEntity): ApprovalAuditEntryResponse {
  return {
    workflowId: entry.workflowId,
    sequence: entry.sequence,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    districtCode: entry.districtCode,
    stepId: entry.stepId,
    stepName: entry.stepName,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    reason: entry.reason,
    comment: entry.comment,
    targetUserId: entry.targetUserId,
    statusBefore: entry.stateBefore,
    statusAfter: entry.stateAfter,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
  };
}

export function toApprovalAuditTrailEntryResponse(entry: ApprovalAuditEntryEntity): ApprovalAuditTrailEntryResponse {
  return { ...toApprovalAuditEntryResponse(entry), step: toApprovalStepResponse(entry.stepSnapshot) };
}
