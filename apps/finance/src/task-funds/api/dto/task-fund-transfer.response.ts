import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApprovalStepResponse, type ApprovalActionResult, toApprovalActionResponse } from '@jianfu/approvals';
import type { FundingPeriod } from '@jianfu/contracts';
import type { TaskFundDecision, TaskFundingScheduleState, TaskFundTransferState } from '@jianfu/contracts/workflows';
import type { TaskFundDecisionRepeated } from '../../commands/decide-task-fund-transfer/decide-task-fund-transfer.command.js';
import type { TaskFundTransfer } from '../../domain/task-fund-transfer.js';
import type { TaskFundingSchedule } from '../../domain/task-funding-schedule.js';
import type { TaskFundTransferView } from '../../queries/get-task-fund-transfer/get-task-fund-transfer.query.js';
import type { TaskFundingView } from '../../queries/get-task-funding/get-task-funding.query.js';

export const taskFundTransferStatuses: readonly TaskFundTransferState[] = [
  'reserving',
  'awaiting-decision',
  'returned',
  'disbursing',
  'disbursed',
  'failed',
];

export class CommunityFundingResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer', example: 60_000, description: 'Earmarked funds (专款) for the community, in fen' })
  amountFen!: number;
}

export class TaskFundDecisionResponse {
  @ApiProperty({ enum: ['approve', 'reject', 'return', 'resubmit', 'deadline'] })
  action!: TaskFundDecision['action'];

  @ApiPropertyOptional()
  reason?: string;

  @ApiProperty()
  actorId!: string;
}

/** A task fund transfer (费随事转): the funding promised per community and where it stands. */
export class TaskFundTransferResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty()
  transferId!: string;

  @ApiProperty({ format: 'uuid' })
  submissionId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  budgetYear!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2027-03',
    description: 'The instalment this transfer pays, for a task funded per period; null when funded once',
  })
  period!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First day the instalment pays for' })
  periodStart!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day the instalment pays for' })
  periodEnd!: string | null;

  @ApiProperty({ type: [CommunityFundingResponse] })
  funding!: CommunityFundingResponse[];

  @ApiProperty({ type: 'integer', example: 120_000, description: 'In fen' })
  totalFen!: number;

  @ApiProperty({ enum: taskFundTransferStatuses })
  status!: TaskFundTransferState;

  @ApiProperty({ type: TaskFundDecisionResponse, nullable: true })
  lastDecision!: TaskFundDecisionResponse | null;

  @ApiProperty({ type: String, nullable: true, example: 'transfer.rejected' })
  failureCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  failureReason!: string | null;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty({ format: 'date-time' })
  admittedAt!: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: Date;
}

/** The department's budget for the transfer's year, before and after this transfer. */
export class DepartmentBudgetImpactResponse {
  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({ type: 'integer', description: 'Approved for the year, in fen' })
  approvedFen!: number;

  @ApiProperty({ type: 'integer', description: 'Available now, in fen' })
  availableFen!: number;

  @ApiProperty({ type: 'integer', description: 'Reserved for transfers awaiting decision or payment, in fen' })
  reservedFen!: number;

  @ApiProperty({ type: 'integer', description: 'Paid out to communities, in fen' })
  disbursedFen!: number;

  @ApiProperty({ description: 'Whether this transfer’s amount is reserved or paid out of the budget now' })
  holdsFunds!: boolean;

  @ApiProperty({ type: 'integer', description: 'Available without this transfer, in fen' })
  beforeFen!: number;

  @ApiProperty({ type: 'integer', description: 'Available with this transfer, in fen (negative: it does not fit)' })
  afterFen!: number;
}

/** One transfer with the department's budget before and after it (`GET /task-fund-transfers/{taskId}`). */
export class TaskFundTransferDetailResponse extends TaskFundTransferResponse {
  @ApiProperty({
    type: DepartmentBudgetImpactResponse,
    nullable: true,
    description: 'Null for callers who may not read the department’s budget, or when finance has none for the year',
  })
  departmentBudget!: DepartmentBudgetImpactResponse | null;
}

export function toTaskFundTransferDetailResponse(view: TaskFundTransferView): TaskFundTransferDetailResponse {
  const { departmentBudget, ...transfer } = view;
  return { ...toTaskFundTransferResponse(transfer), departmentBudget };
}

export function toTaskFundTransferResponse(transfer: TaskFundTransfer): TaskFundTransferResponse {
  const { state, ...rest } = transfer;
  return { ...rest, status: state };
}

/** The answer to an action on the transfer's approval (`…/actions`, `…/resubmission`). */
export class TaskFundTransferActionResponse {
  @ApiProperty({ description: 'True when the action repeated one already taken; it had no effect' })
  duplicate!: boolean;

  @ApiPropertyOptional({ type: ApprovalStepResponse, description: 'The approval step acted on, after the action' })
  step?: ApprovalStepResponse;

  @ApiPropertyOptional({
    enum: taskFundTransferStatuses,
    description: 'Where the transfer stands, when the officer repeated the decision that moved it on',
  })
  status?: TaskFundTransferState;
}

export function toTaskFundTransferActionResponse(
  result: ApprovalActionResult | TaskFundDecisionRepeated,
): TaskFundTransferActionResponse {
  if ('step' in result) return toApprovalActionResponse(result);
  return { duplicate: result.duplicate, status: result.state as TaskFundTransferState };
}

/** The instalment schedule of a recurring task funded per period (按期拨付). */
export class TaskFundingScheduleResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ format: 'uuid' })
  submissionId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2027 })
  budgetYear!: number;

  @ApiProperty({ enum: ['month', 'quarter', 'year'] })
  fundingPeriod!: FundingPeriod;

  @ApiProperty({ format: 'date' })
  periodStart!: string;

  @ApiProperty({ format: 'date' })
  periodEnd!: string;

  @ApiProperty({ type: [CommunityFundingResponse], description: 'Promised per community for the whole period' })
  funding!: CommunityFundingResponse[];

  @ApiProperty({ type: 'integer', description: 'In fen, for the whole period' })
  totalFen!: number;

  @ApiProperty({ enum: ['running', 'cancelled', 'completed'] })
  status!: TaskFundingScheduleState;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: Date | null;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty({ format: 'date-time' })
  admittedAt!: Date;
}

/** A task's funding: its schedule (null for a task funded once) and every transfer so far. */
export class TaskFundingResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ type: TaskFundingScheduleResponse, nullable: true })
  schedule!: TaskFundingScheduleResponse | null;

  @ApiProperty({ type: [TaskFundTransferResponse], description: 'One per instalment started, oldest first' })
  transfers!: TaskFundTransferResponse[];
}

function toTaskFundingScheduleResponse(schedule: TaskFundingSchedule): TaskFundingScheduleResponse {
  const { state, ...rest } = schedule;
  return { ...rest, status: state };
}

export function toTaskFundingResponse(view: TaskFundingView): TaskFundingResponse {
  return {
    taskId: view.taskId,
    schedule: view.schedule ? toTaskFundingScheduleResponse(view.schedule) : null,
    transfers: view.transfers.map(toTaskFundTransferResponse),
  };
}
