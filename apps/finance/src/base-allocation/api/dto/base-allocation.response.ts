import { ApiProperty } from '@nestjs/swagger';
import type { BaseAllocationRun, BaseTopUp } from '../../domain/base-allocation-run.js';

/** The base operating fund per community (社区基本运转经费标准) in force for a district and year. */
export class BaseStandardResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 4_500_000, description: 'Per community per year, in fen' })
  amountFen!: number;

  @ApiProperty({ description: "True when the district set none and its funding policy's default applies" })
  isDefault!: boolean;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The funding-policy version of the default; null for the district’s own standard',
  })
  policyVersion!: number | null;
}

export class BaseAllocationStartedResponse {
  @ApiProperty({ example: 'base-allocation-350102-2026-3f1e…' })
  workflowId!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 4_500_000, description: 'The standard the run pays, in fen' })
  amountFen!: number;

  @ApiProperty({ description: 'False when a run of the year was already under way; that run is the answer' })
  started!: boolean;
}

/** Progress of a district's base allocation for a year (its latest run). */
export class BaseAllocationRunResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 4_500_000, description: 'The standard the year is paid at, in fen' })
  amountFen!: number;

  @ApiProperty({ enum: ['running', 'finished'] })
  status!: 'running' | 'finished';

  @ApiProperty({ type: 'integer', description: 'Each start of the year’s allocation is a new run' })
  runNumber!: number;

  @ApiProperty()
  runId!: string;

  @ApiProperty({ type: 'integer' })
  communitiesSeen!: number;

  @ApiProperty({ type: 'integer' })
  communitiesPaid!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Set when the run is a top-up (补差)' })
  topUpId!: string | null;

  @ApiProperty({ type: 'integer' })
  communitiesToppedUp!: number;

  @ApiProperty()
  startedBy!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: Date | null;
}

export function toBaseAllocationRunResponse(run: BaseAllocationRun): BaseAllocationRunResponse {
  const { state, ...rest } = run;
  return { ...rest, status: state };
}

/** The answer to a top-up (补差): the run that pays the difference. */
export class BaseTopUpStartedResponse {
  @ApiProperty({ format: 'uuid' })
  topUpId!: string;

  @ApiProperty({ example: 'base-allocation-350102-2026-…' })
  workflowId!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 2_500_000, description: 'The standard paid so far, in fen' })
  fromFen!: number;

  @ApiProperty({ type: 'integer', example: 4_500_000, description: 'The raised standard, in fen' })
  toFen!: number;

  @ApiProperty({ example: '区政府常务会议决定年中提标至4.5万元' })
  reason!: string;

  @ApiProperty({ description: 'True when the request repeated an earlier one (same key and body): its first answer' })
  replayed!: boolean;
}

/** One top-up (补差) of a year: from and to which standard, why, by whom. */
export class BaseTopUpResponse {
  @ApiProperty({ format: 'uuid' })
  topUpId!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 2_500_000 })
  fromFen!: number;

  @ApiProperty({ type: 'integer', example: 4_500_000 })
  toFen!: number;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  runId!: string;

  @ApiProperty()
  startedBy!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: Date;
}

export function toBaseTopUpResponse(topUp: BaseTopUp): BaseTopUpResponse {
  return { ...topUp };
}
