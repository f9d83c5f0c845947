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
  /** The instalment paid (e.g. `2027-03`, `2027-Q1`, `2027`) when the task is funded per period. */
  period?: string;
}

export const TaskFundsDisbursed = defineEvent<TaskFundsDisbursedPayload>({
  type: 'finance.task-funds.disbursed',
  version: 1,
  source: 'finance',
  aggregateType: 'task',
  description:
    "The task's earmarked funds reached every target community's task account (费随事转); admission dispatches the task.",
  schema: objectSchema(
    {
      taskId: uuid,
      transferId: uuid,
      departmentId: uuid,
      disbursements: { type: 'array', minItems: 1, items: objectSchema({ communityId: uuid, amountFen: fen }) },
      totalFen: fen,
      disbursedAt: dateTime,
      period: text(16),
    },
    ['period'],
  ),
});

export interface TaskFundingFailedPayload {
  taskId: string;
  transferId: string;
  departmentId: string;
  /** Machine-readable reason, e.g. `budget.insufficient`, `transfer.rejected`, `transfer.expired`. */
  code: string;
  reason: string;
  failedAt: string;
  /** The instalment that failed, when the task is funded per period; earlier instalments stay paid. */
  period?: string;
}

export const TaskFundingFailed = defineEvent<TaskFundingFailedPayload>({
  type: 'finance.task-funding.failed',
  version: 1,
  source: 'finance',
  aggregateType: 'task',
  description:
    'The task fund transfer was rejected or failed and its reservation released; admission keeps the task off the ' +
    'communities (a task funded per period is suspended until a later instalment is paid).',
  schema: objectSchema(
    {
      taskId: uuid,
      transferId: uuid,
      departmentId: uuid,
      code: text(100),
      reason: text(500),
      failedAt: dateTime,
      period: text(16),
    },
    ['period'],
  ),
});

export interface BudgetSetPayload {
  departmentId: string;
  districtCode: string;
  year: number;
  /** The approved figure of the department's budget for the year, in fen. */
  approvedFen: number;
  /** Counts the changes of this budget; a consumer keeps the highest it has seen. */
  revision: number;
  setAt: string;
}

export const BudgetSet = defineEvent<BudgetSetPayload>({
  type: 'finance.budget.set',
  version: 1,
  source: 'finance',
  aggregateType: 'department',
  description:
    "Finance set (or re-confirmed) a department's approved budget for a year. Admission keeps the figure so its " +
    'pre-check can tell a department before review that the budget year it names has no budget, or too little.',
  schema: objectSchema({
    departmentId: uuid,
    districtCode: text(32),
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    approvedFen: fen,
    revision: { type: 'integer', minimum: 0 },
    setAt: dateTime,
  }),
});

export const financeEvents = [TaskFundsDisbursed, TaskFundingFailed, BudgetSet] as const;
