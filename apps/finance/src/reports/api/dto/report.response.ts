import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { taskFundTransferStatuses } from '../../../task-funds/api/dto/task-fund-transfer.response.js';
import type { DepartmentReport } from '../../queries/get-department-report/get-department-report.query.js';
import type { TaskReport } from '../../queries/get-task-report/get-task-report.query.js';

/** A 200 answering JSON (the response class, or a page of it) or, with `format=csv`, a CSV download. */
export function ApiReportResponse(type: Type<unknown>, options: { page?: boolean } = {}): MethodDecorator {
  const json = options.page
    ? {
        type: 'object',
        required: ['items', 'total', 'offset', 'limit'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(type) } },
          total: { type: 'integer', minimum: 0, description: 'How many records match, over all pages' },
          offset: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 1 },
        },
      }
    : { $ref: getSchemaPath(type) };
  return applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description:
        'JSON, or with `format=csv` a CSV download (UTF-8 with BOM, one row per line), or with `format=xlsx` an ' +
        'Excel workbook with Chinese headers, money in yuan',
      content: {
        'application/json': { schema: json },
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: { type: 'string', format: 'binary' },
        },
      },
    }),
  );
}

/** Money per community fund, in fen. */
export class FundAmountsResponse {
  @ApiProperty({ type: 'integer', description: '社区基本运转经费' })
  baseOperating!: number;

  @ApiProperty({ type: 'integer', description: '党建专项经费' })
  partyBuilding!: number;

  @ApiProperty({ type: 'integer', description: '专款 (task money), all tasks' })
  task!: number;

  @ApiProperty({ type: 'integer', description: '共建/捐赠' })
  coBuilding!: number;

  @ApiProperty({ type: 'integer' })
  total!: number;
}

export class ReportPeriodResponse {
  @ApiProperty({ format: 'date-time', description: 'Start, inclusive' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'End, exclusive' })
  to!: string;
}

/** One community's money in the period: received by source, spent, and balance at the end. */
export class CommunityReportResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ example: 'C-001' })
  code!: string;

  @ApiProperty({ example: '东街社区' })
  name!: string;

  @ApiProperty({ type: ReportPeriodResponse })
  period!: ReportPeriodResponse;

  @ApiProperty({ type: FundAmountsResponse, description: 'Reached each fund in the period (net of reversals)' })
  received!: FundAmountsResponse;

  @ApiProperty({ type: FundAmountsResponse, description: 'Spent from each fund in the period' })
  spent!: FundAmountsResponse;

  @ApiProperty({ type: FundAmountsResponse, description: 'Held by each fund at the end of the period' })
  balance!: FundAmountsResponse;
}

export class AllocationLineResponse {
  @ApiProperty()
  transferId!: string;

  @ApiProperty({ enum: ['base-allocation', 'base-top-up', 'party-building-allocation', 'party-building-top-up'] })
  purpose!: string;

  @ApiProperty({ enum: ['baseOperating', 'partyBuilding', 'task', 'coBuilding'] })
  fund!: string;

  @ApiProperty({ type: 'integer' })
  amountFen!: number;

  @ApiProperty({ type: String, nullable: true, description: 'A top-up’s reason' })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  postedAt!: Date;
}

export class SingleCommunityReportResponse extends CommunityReportResponse {
  @ApiProperty({ type: [AllocationLineResponse], description: 'Each base and party-building allocation and top-up' })
  allocations!: AllocationLineResponse[];
}

export class TaskCommunityMoneyResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer' })
  promisedFen!: number;

  @ApiProperty({ type: 'integer' })
  disbursedFen!: number;

  @ApiProperty({ type: 'integer' })
  spentFen!: number;

  @ApiProperty({ type: 'integer' })
  balanceFen!: number;
}

export class TaskReportResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ enum: taskFundTransferStatuses, description: 'Where the task’s fund transfer stands' })
  status!: string;

  @ApiProperty({ type: 'integer' })
  promisedFen!: number;

  @ApiProperty({ type: 'integer' })
  disbursedFen!: number;

  @ApiProperty({ type: 'integer' })
  spentFen!: number;

  @ApiProperty({ type: [TaskCommunityMoneyResponse] })
  communities!: TaskCommunityMoneyResponse[];
}

export function toTaskReportResponse(report: TaskReport): TaskReportResponse {
  const { taskId, title, departmentId, state, promisedFen, disbursedFen, spentFen, communities } = report;
  return { taskId, title, departmentId, promisedFen, disbursedFen, spentFen, communities, status: state };
}

export class DepartmentTaskResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2027-03',
    description: 'The instalment, for a task funded per period; null when funded once',
  })
  period!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: taskFundTransferStatuses, description: 'Where the task’s fund transfer stands' })
  status!: string;

  @ApiProperty({ type: 'integer' })
  totalFen!: number;
}

export class DepartmentReportResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: 'integer', example: 2026, description: 'The budget year' })
  year!: number;

  @ApiProperty({ type: ReportPeriodResponse })
  period!: ReportPeriodResponse;

  @ApiProperty({ type: 'integer' })
  approvedFen!: number;

  @ApiProperty({ type: 'integer' })
  availableFen!: number;

  @ApiProperty({ type: 'integer' })
  reservedFen!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Paid to communities from the budget year, whenever paid, net of undone payments',
  })
  paidFen!: number;

  @ApiProperty({ type: 'integer', description: 'Of that, what was paid within the period' })
  paidInPeriodFen!: number;

  @ApiProperty({
    type: [DepartmentTaskResponse],
    description: 'Transfers charged to the budget year: one per task funded once, one per started instalment',
  })
  tasks!: DepartmentTaskResponse[];
}

export function toDepartmentReportResponse(report: DepartmentReport): DepartmentReportResponse {
  return { ...report, tasks: report.tasks.map(({ state, ...task }) => ({ ...task, status: state })) };
}

export class CoBuildingReceiptResponse {
  @ApiProperty()
  transferId!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty()
  unitName!: string;

  @ApiProperty({ enum: ['co-building', 'donation'] })
  kind!: string;

  @ApiProperty({ type: 'integer' })
  amountFen!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty()
  recordedBy!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: Date;
}

export class ResidentUnitReportResponse {
  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty({ type: 'integer', description: 'What the unit gave to communities the caller reaches, in fen' })
  totalFen!: number;

  @ApiProperty({ type: [CoBuildingReceiptResponse] })
  receipts!: CoBuildingReceiptResponse[];
}
