import { ApiProperty } from '@nestjs/swagger';

const grades = ['unqualified', 'qualified', 'good', 'excellent'];

export class CadreReviewResultResponse {
  @ApiProperty({ example: 91.2, description: 'The combined score, one decimal' })
  composite!: number;

  @ApiProperty({ enum: grades, description: 'The annual result the score gives' })
  result!: string;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description: "The version of the district's cadre-review policy applied",
  })
  policyVersion!: number;
}

/** A worker's annual cadre review: the four sources, the combined score and the result. */
export class CadreReviewResponse {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', description: '述职评议, 0–100' })
  debriefingScore!: number;

  @ApiProperty({ type: 'integer', description: '实地走访, 0–100' })
  fieldVisitScore!: number;

  @ApiProperty()
  fieldVisitNotes!: string;

  @ApiProperty({ type: 'integer', description: '入户调查, 0–100' })
  householdSurveyScore!: number;

  @ApiProperty({ type: 'integer', description: '居民满意度, percent' })
  residentSatisfaction!: number;

  @ApiProperty({ type: 'integer', example: 912, description: 'The combined score in tenths' })
  compositeTenths!: number;

  @ApiProperty({ enum: grades })
  result!: string;

  @ApiProperty()
  reviewedBy!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The version of the district's cadre-review policy applied (null: recorded before policies)",
  })
  policyVersion!: number | null;
}
