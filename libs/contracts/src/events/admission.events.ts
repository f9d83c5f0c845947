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
}

const communityFunding = objectSchema({ communityId: uuid, amountFen: fen });

export const TaskAdmitted = defineEvent<TaskAdmittedPayload>({
  type: 'admission.task.admitted',
  version: 1,
  source: 'admission',
  aggregateType: 'task',
  description:
    'A submission passed admission review and became a task (准入). Finance starts the task fund transfer from it; ' +
    'the task reaches no community until finance reports the funds disbursed.',
  schema: objectSchema({
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
  }),
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

export const admissionEvents = [TaskAdmitted, TaskDispatched, ViolationRecorded] as const;
