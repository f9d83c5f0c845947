import { ApiProperty } from '@nestjs/swagger';

export class DepartmentAnnualAssessmentResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ description: 'The 双评议 score of the year it was completed on' })
  score!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  rank!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Communities’ ratings of the year' })
  ratings!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Violations recorded in the year' })
  violations!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The `evaluation` policy version scored by' })
  policyVersion!: number;

  @ApiProperty({ format: 'uuid', description: 'The closed opinion request (征求社区党组织意见) it rests on' })
  opinionRequestId!: string;

  @ApiProperty()
  completedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  completedAt!: string;
}

export class UnmetAssessmentRuleResponse {
  @ApiProperty({ enum: ['opinion-request'], description: 'The reason code' })
  rule!: string;

  @ApiProperty()
  message!: string;
}

export class AnnualAssessmentPrecheckResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ description: 'True when the assessment may complete now' })
  eligible!: boolean;

  @ApiProperty({ type: [UnmetAssessmentRuleResponse] })
  unmet!: UnmetAssessmentRuleResponse[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  opinionRequestId!: string | null;

  @ApiProperty({ type: DepartmentAnnualAssessmentResponse, nullable: true })
  completed!: DepartmentAnnualAssessmentResponse | null;
}
