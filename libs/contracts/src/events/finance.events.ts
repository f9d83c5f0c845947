import type { CommunityFunding } from './admission.events.js';
import { defineEvent } from './event-definition.js';
import { dateTime, fen, objectSchema, text, uuid } from './schema-fragments.js';

export interface TaskFundsDisbursedPayload {
  taskId: string;
  transferId: string;
  departmentId: string;
  disbursements: CommunityFunding[];
  totalFen: number;
  disbursedAt: string;
}

export const TaskFundsDisbursed = defineEvent<TaskFundsDisbursedPayload>({
  type: 'finance.task-funds.disbursed',
  version: 1,
  source: 'finance',
  aggregateType: 'task',
  description:
    "The task's earmarked funds reached every target community's task account (费随事转); admission dispatches the task.",
  schema: objectSchema({
    taskId: uuid,
    transferId: uuid,
    departmentId: uuid,
    disbursements: { type: 'array', minItems: 1, items: objectSchema({ communityId: uuid, amountFen: fen }) },
    totalFen: fen,
    disbursedAt: dateTime,
  }),
});

export interface TaskFundingFailedPayload {
  taskId: string;
  transferId: string;
  departmentId: string;
  /** Machine-readable reason, e.g. `budget.insufficient`, `transfer.rejected`, `transfer.expired`. */
  code: string;
  reason: string;
  failedAt: string;
}

export const TaskFundingFailed = defineEvent<TaskFundingFailedPayload>({
  type: 'finance.task-funding.failed',
  version: 1,
  source: 'finance',
  aggregateType: 'task',
  description:
    'The task fund transfer was rejected or failed and its reservation released; admission keeps the task off the communities.',
  schema: objectSchema({
    taskId: uuid,
    transferId: uuid,
    departmentId: uuid,
    code: text(100),
    reason: text(500),
    failedAt: dateTime,
  }),
});

export const financeEvents = [TaskFundsDisbursed, TaskFundingFailed] as const;
