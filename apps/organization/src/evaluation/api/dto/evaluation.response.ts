import { ApiProperty } from '@nestjs/swagger';
import { ratingGrades } from '../../domain/evaluation-period.js';

export class DepartmentRatingResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ example: '2026-H1' })
  period!: string;

  @ApiProperty({ enum: ratingGrades, description: '满意 / 基本满意 / 不满意' })
  grade!: string;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty()
  ratedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  ratedAt!: string;
}

export class RankedDepartmentResponse {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Equal scores share a rank (1, 2, 2, 4)' })
  rank!: number;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  satisfied!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  basicallySatisfied!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  dissatisfied!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Violations the admission gate recorded in the period' })
  violations!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Tasks the department dispatched to communities in the period: the burden it adds (not scored)',
  })
  tasksDispatched!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  ratings!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Average grade out of 100; null when nobody rated' })
  satisfactionScore!: number | null;

  @ApiProperty({ type: Number })
  violationPenalty!: number;

  @ApiProperty({ type: Number, description: 'satisfactionScore less the violation penalty' })
  score!: number;
}

export class DepartmentRankingResponse {
  @ApiProperty({ example: '2026' })
  period!: string;

  @ApiProperty({ format: 'date-time', description: 'First instant of the period (UTC+8)' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'First instant after the period (UTC+8)' })
  to!: string;

  @ApiProperty({ type: Number })
  penaltyPerViolation!: number;

  @ApiProperty({ type: 'integer', example: 1, description: "The district's evaluation policy version applied" })
  policyVersion!: number;

  @ApiProperty({ type: [RankedDepartmentResponse] })
  departments!: RankedDepartmentResponse[];
}
