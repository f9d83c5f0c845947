import { defineEvent } from './event-definition.js';
import { dateTime, fen, isoDate, objectSchema, text, uuid } from './schema-fragments.js';

export interface CommunityFunding {
  communityId: string;
  /** Earmarked funds (专款) the owning department pays this community for the task, in fen. */
  amountFen: number;
}

export interface TaskAdmittedPayload {
  taskId: string;
  submissionId: string;
  title: string;
  departmentId: string;
  districtCode: string;
  recurrence: 'one-off' | 'recurring';
  periodStart: string;
  periodEnd: string;
  funding: CommunityFunding[];
  totalFen: number;
  admittedAt: string;
  /**
   * The department's budget year the money comes from, as the submission states it. Absent in events
   * admission published before the field existed: then it is the year of `periodStart`.
   */
  budgetYear?: number;
  /**
   * `transfer` (the default when absent): finance pays `funding` through the task fund transfer, and the
   * task reaches its communities when the funds arrive. `none`: one-off work the department declared
   * unfunded (无经费事项, every amount 0); admission dispatched it at admission and finance opens no transfer.
   */
  fundingMode?: 'transfer' | 'none';
  /**
   * Recurring work funded per period (按期拨付): each month, quarter or year of the task's period is its own
   * instalment and transfer, `funding` then being the amounts for the whole period, split evenly. Absent:
   * one transfer for the whole period (one-off work, and events from before the field existed).
   */
  fundingPeriod?: FundingPeriod;
}

export type FundingPeriod = 'month' | 'quarter' | 'year';

const communityFunding = objectSchema({ communityId: uuid, amountFen: fen });

export const TaskAdmitted = defineEvent<TaskAdmittedPayload>({
  type: 'admission.task.admitted',
  version: 1,
  source: 'admission',
  aggregateType: 'task',
  description:
    'A submission passed admission review and became a task (准入). Finance starts the task fund transfer from it; ' +
    'the task reaches no community until finance reports the funds disbursed. A task declared unfunded ' +
    '(`fundingMode: none`) needs no transfer and was dispatched at admission.',
  schema: objectSchema(
    {
      taskId: uuid,
      submissionId: uuid,
      title: text(200),
      departmentId: uuid,
      districtCode: text(32),
      recurrence: { enum: ['one-off', 'recurring'] },
      periodStart: isoDate,
      periodEnd: isoDate,
      funding: { type: 'array', minItems: 1, items: communityFunding },
      totalFen: fen,
      admittedAt: dateTime,
      budgetYear: { type: 'integer', minimum: 2000, maximum: 2100 },
      fundingMode: { enum: ['transfer', 'none'] },
      fundingPeriod: { enum: ['month', 'quarter', 'year'] },
    },
    ['budgetYear', 'fundingMode', 'fundingPeriod'],
  ),
});

export interface TaskDispatchedPayload {
  taskId: string;
  departmentId: string;
  communityIds: string[];
  dispatchedAt: string;
}

export const TaskDispatched = defineEvent<TaskDispatchedPayload>({
  type: 'admission.task.dispatched',
  version: 1,
  source: 'admission',
  aggregateType: 'task',
  description: 'An admitted and funded task reached the task lists of its communities; organization counts the burden.',
  schema: objectSchema({
    taskId: uuid,
    departmentId: uuid,
    communityIds: { type: 'array', minItems: 1, items: uuid },
    dispatchedAt: dateTime,
  }),
});

export interface TaskCancelledPayload {
  taskId: string;
  departmentId: string;
  districtCode: string;
  reason: string;
  cancelledBy: string;
  cancelledAt: string;
}

export const TaskCancelled = defineEvent<TaskCancelledPayload>({
  type: 'admission.task.cancelled',
  version: 1,
  source: 'admission',
  aggregateType: 'task',
  description:
    'An admitted task was cancelled (by its department or a reviewer, with the reason): it left the communities’ ' +
    'lists, and finance starts no further instalment of its funding.',
  schema: objectSchema({
    taskId: uuid,
    departmentId: uuid,
    districtCode: text(32),
    reason: text(500),
    cancelledBy: text(100),
    cancelledAt: dateTime,
  }),
});

export interface ViolationRecordedPayload {
  violationId: string;
  departmentId: string;
  communityId: string;
  taskId?: string;
  reason: string;
  recordedAt: string;
}

export const ViolationRecorded = defineEvent<ViolationRecordedPayload>({
  type: 'admission.violation.recorded',
  version: 1,
  source: 'admission',
  aggregateType: 'department',
  description:
    'A department tried to assign work to a community without admission and funding (违规摊派); ' +
    "it counts against the department in the communities' evaluation (双评议).",
  schema: objectSchema(
    { violationId: uuid, departmentId: uuid, communityId: uuid, taskId: uuid, reason: text(500), recordedAt: dateTime },
    ['taskId'],
  ),
});

export interface SealRequestAcceptedPayload {
  requestId: string;
  districtCode: string;
  departmentId: string;
  communityId: string;
  matterCode: string;
  /** The version of the 盖章证明事项清单 the matter was found in. */
  listVersion: number;
  requestedFor: string;
  documentSha256: string;
  requestedAt: string;
}

export const SealRequestAccepted = defineEvent<SealRequestAcceptedPayload>({
  type: 'admission.seal-request.accepted',
  version: 1,
  source: 'admission',
  aggregateType: 'community',
  description:
    'A department asked a community to certify a matter on the district’s list of matters a community may certify ' +
    '(盖章证明事项清单, seed 002: 严格社区印章管理使用); one seal use of the community. A request outside the list ' +
    'is refused and recorded as a violation instead.',
  schema: objectSchema({
    requestId: uuid,
    districtCode: text(32),
    departmentId: uuid,
    communityId: uuid,
    matterCode: text(64),
    listVersion: { type: 'integer', minimum: 1 },
    requestedFor: text(200),
    documentSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    requestedAt: dateTime,
  }),
});

export interface MeetingSummonsAdmittedPayload {
  summonsId: string;
  districtCode: string;
  departmentId: string;
  title: string;
  /** The meeting's day, YYYY-MM-DD (China time). */
  date: string;
  hours: number;
  mode: 'on-site' | 'online';
  attendeesPerCommunity: number;
  communityIds: string[];
  /** `allowance`: within the district's monthly allowance; `review`: approved by a reviewer. */
  admittedBy: 'allowance' | 'review';
  admittedAt: string;
}

export const MeetingSummonsAdmitted = defineEvent<MeetingSummonsAdmittedPayload>({
  type: 'admission.meeting-summons.admitted',
  version: 1,
  source: 'admission',
  aggregateType: 'meeting-summons',
  description:
    'A department may summon the named communities to a meeting (精简社区会议, seed 002): within the district’s ' +
    'monthly allowance per community, or approved in review when over it.',
  schema: objectSchema({
    summonsId: uuid,
    districtCode: text(32),
    departmentId: uuid,
    title: text(200),
    date: isoDate,
    hours: { type: 'number', minimum: 0.5, maximum: 24 },
    mode: { type: 'string', enum: ['on-site', 'online'] },
    attendeesPerCommunity: { type: 'integer', minimum: 1, maximum: 50 },
    communityIds: { type: 'array', items: uuid, minItems: 1 },
    admittedBy: { type: 'string', enum: ['allowance', 'review'] },
    admittedAt: dateTime,
  }),
});

export interface LedgerRequestAcceptedPayload {
  requestId: string;
  districtCode: string;
  departmentId: string;
  communityId: string;
  /** The ledger (台账) the community now keeps for the department. */
  name: string;
  frequency: 'once' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  catalogueItemCode: string;
  /** The catalogue version whose item allows the ledger. */
  catalogueVersion: number;
  requestedAt: string;
}

export const LedgerRequestAccepted = defineEvent<LedgerRequestAcceptedPayload>({
  type: 'admission.ledger-request.accepted',
  version: 1,
  source: 'admission',
  aggregateType: 'community',
  description:
    'A department asked a community to keep a ledger that an item of the current admission catalogue allows ' +
    '(精简台账, seed 002): it joins the community’s 台账清单. A ledger outside the catalogue is refused and recorded ' +
    'as a violation instead.',
  schema: objectSchema({
    requestId: uuid,
    districtCode: text(32),
    departmentId: uuid,
    communityId: uuid,
    name: text(200),
    frequency: { type: 'string', enum: ['once', 'weekly', 'monthly', 'quarterly', 'yearly'] },
    catalogueItemCode: text(64),
    catalogueVersion: { type: 'integer', minimum: 1 },
    requestedAt: dateTime,
  }),
});

/** What every submission lifecycle event carries; `round` counts resubmissions from 1. */
export interface SubmissionEventPayload {
  submissionId: string;
  departmentId: string;
  districtCode: string;
  title: string;
  round: number;
  /** Who acted: a user id, or `system` for the pre-check and lapsed deadlines. */
  actorId: string;
  /** Required for returned and rejected: why, as the reviewer or the pre-check gave it. */
  reason?: string;
  /** Reason codes of the pre-check rules that failed, when the pre-check decided. */
  codes?: string[];
  occurredAt: string;
}

const submissionSchema = objectSchema(
  {
    submissionId: uuid,
    departmentId: uuid,
    districtCode: text(32),
    title: text(200),
    round: { type: 'integer', minimum: 1 },
    actorId: text(100),
    reason: text(1000),
    codes: { type: 'array', items: text(100) },
    occurredAt: dateTime,
  },
  ['reason', 'codes'],
);

function submissionEvent(name: string, description: string) {
  return defineEvent<SubmissionEventPayload>({
    type: `admission.submission.${name}`,
    version: 1,
    source: 'admission',
    aggregateType: 'submission',
    description,
    schema: submissionSchema,
  });
}

export const SubmissionSubmitted = submissionEvent(
  'submitted',
  'A department submitted a task for admission review (准入申报); its review workflow started.',
);
export const SubmissionReturned = submissionEvent(
  'returned',
  'A reviewer or the pre-check returned the submission for amendment (退回修改), with the reason.',
);
export const SubmissionResubmitted = submissionEvent(
  'resubmitted',
  'The department amended a returned submission and submitted it again; a new review round begins.',
);
export const SubmissionWithdrawn = submissionEvent(
  'withdrawn',
  'The submitting department withdrew its submission before the decision, or let an amendment lapse.',
);
export const SubmissionRejected = submissionEvent(
  'rejected',
  'The submission was refused admission (不予准入), by a reviewer, the communities, the committee or the pre-check.',
);

export const admissionEvents = [
  TaskAdmitted,
  TaskDispatched,
  TaskCancelled,
  ViolationRecorded,
  SealRequestAccepted,
  MeetingSummonsAdmitted,
  LedgerRequestAccepted,
  SubmissionSubmitted,
  SubmissionReturned,
  SubmissionResubmitted,
  SubmissionWithdrawn,
  SubmissionRejected,
] as const;
