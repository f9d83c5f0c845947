import { defineEvent, type EventDefinition } from './event-definition.js';
import type { ServiceName } from './event-envelope.js';
import { dateTime, objectSchema, text } from './schema-fragments.js';

/**
 * The organisation scope of a reviewer slot, as the approval kit keeps it: who holds the slot is every user with
 * its `role` (or the named `userId`) whose token scope reaches these units, in the subject's district.
 */
export type ApprovalSlotScopePayload =
  | { level: 'district' }
  | { level: 'street'; streetCodes: string[] }
  | { level: 'community'; communityIds: string[] }
  | { level: 'department'; departmentId: string };

/** One place to act (a reviewer slot) or to read (a copy, `kind: copy`): whom a notification goes to. */
export interface ApprovalSlotPayload {
  slotId: string;
  kind: 'review' | 'copy';
  userId?: string;
  role?: string;
  scope?: ApprovalSlotScopePayload;
  /** The older single-unit form of a scope (a community id, street code or department id). */
  scopeRef?: string;
}

/**
 * What every approval-step event carries: the subject and step a notification names, whom it concerns
 * (`slots`, `submittedBy`) and the deadline. Published by the approval kit of the hosting service, in the same
 * transaction as the step's audit entry, so once per change.
 */
export interface ApprovalStepEventPayload {
  /** The hosting service (also the event's `source`): the console opens the subject there. */
  service: ServiceName;
  /** e.g. `submission`, `task-fund-transfer`, `promotion`, `party-organisation-upgrade`. */
  subjectType: string;
  subjectId: string;
  /** The subject's human title (a submission's title, a worker's name and rank …). */
  title: string;
  districtCode: string;
  departmentId?: string;
  /** The user who submitted the subject: the recipient of decisions and lapses. */
  submittedBy: string;
  workflowId: string;
  /** Counts this workflow's approval changes from 1; with `workflowId` a key for de-duplication. */
  sequence: number;
  stepId: string;
  stepName: string;
  /**
   * Whom the change concerns: opened → every slot; reminded / escalated → the slots still to decide;
   * assigned → the slot or copy just given to someone; decided / lapsed → the slots still undecided (now closed).
   */
  slots: ApprovalSlotPayload[];
  /** A user id, or `system` for the deadline timer. */
  actorId: string;
  /** The step's deadline (24:00 China time of its last working day), if it has one. */
  dueAt?: string;
  /** step-decided / step-lapsed: how the step closed. */
  outcome?: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'expired';
  /** step-reminded: true for the deadline timer's reminder, false for 催办 by a person. */
  automatic?: boolean;
  /** step-assigned: how the slot came to its holder. */
  assignment?: 'transfer' | 'add-reviewer' | 'copy';
  /** A reject's or return's reason, a lapse's `deadline lapsed`. */
  reason?: string;
  occurredAt: string;
}

const slotScope = {
  oneOf: [
    objectSchema({ level: { const: 'district' } }),
    objectSchema({ level: { const: 'street' }, streetCodes: { type: 'array', items: text(64) } }),
    objectSchema({ level: { const: 'community' }, communityIds: { type: 'array', items: text(64) } }),
    objectSchema({ level: { const: 'department' }, departmentId: text(64) }),
  ],
};

const approvalSlot = objectSchema(
  {
    slotId: text(200),
    kind: { enum: ['review', 'copy'] },
    userId: text(100),
    role: text(100),
    scope: slotScope,
    scopeRef: text(100),
  },
  ['userId', 'role', 'scope', 'scopeRef'],
);

const approvalStepEventSchema = objectSchema(
  {
    service: { enum: ['organization', 'admission', 'finance', 'personnel'] },
    subjectType: text(100),
    subjectId: text(200),
    title: text(500),
    districtCode: text(32),
    departmentId: text(64),
    submittedBy: text(100),
    workflowId: text(300),
    sequence: { type: 'integer', minimum: 1 },
    stepId: text(100),
    stepName: text(200),
    slots: { type: 'array', items: approvalSlot },
    actorId: text(100),
    dueAt: dateTime,
    outcome: { enum: ['approved', 'rejected', 'returned', 'withdrawn', 'expired'] },
    automatic: { type: 'boolean' },
    assignment: { enum: ['transfer', 'add-reviewer', 'copy'] },
    reason: text(1000),
    occurredAt: dateTime,
  },
  ['departmentId', 'dueAt', 'outcome', 'automatic', 'assignment', 'reason'],
);

/** The kinds of approval-step change that are published (the rest stay in the audit trail). */
export const approvalStepEventKinds = {
  opened: 'A step opened: its reviewer slots have a new to-do (待办).',
  reminded: 'Someone reminded (催办) the reviewers of an open step, or its deadline timer did (`automatic`).',
  escalated: 'An open step passed its deadline and was escalated: new slots were added and the deadline moved.',
  assigned:
    'A slot of an open step was handed to a user (转办 `transfer`, 加签 `add-reviewer`) or a user was copied (抄送 `copy`).',
  decided:
    'A step was decided by people (`outcome` approved, rejected, returned or withdrawn); the submitter hears of it.',
  lapsed: 'An open step passed its (escalated) deadline and closed by its lapse rule (`outcome`).',
} as const;

export type ApprovalStepEventKind = keyof typeof approvalStepEventKinds;

export type ApprovalStepEventDefinitions = Record<ApprovalStepEventKind, EventDefinition<ApprovalStepEventPayload>>;

/**
 * The approval-step events of one hosting service (`<service>.approval.step-<kind>`, v1), on that service's own
 * topic: each service publishes through its own outbox, so there is one type per service and kind.
 */
export function approvalStepEventsOf(service: ServiceName): ApprovalStepEventDefinitions {
  const entries = (Object.keys(approvalStepEventKinds) as ApprovalStepEventKind[]).map((kind) => [
    kind,
    defineEvent<ApprovalStepEventPayload>({
      type: `${service}.approval.step-${kind}`,
      version: 1,
      source: service,
      aggregateType: 'approval',
      description: `${approvalStepEventKinds[kind]} Published by the approval kit of ${service}; keyed by workflow id.`,
      schema: approvalStepEventSchema,
    }),
  ]);
  return Object.fromEntries(entries) as ApprovalStepEventDefinitions;
}

export const OrganizationApprovalEvents = approvalStepEventsOf('organization');
export const AdmissionApprovalEvents = approvalStepEventsOf('admission');
export const FinanceApprovalEvents = approvalStepEventsOf('finance');
export const PersonnelApprovalEvents = approvalStepEventsOf('personnel');

export const approvalStepEvents = [
  OrganizationApprovalEvents,
  AdmissionApprovalEvents,
  FinanceApprovalEvents,
  PersonnelApprovalEvents,
].flatMap((definitions) => Object.values(definitions));
