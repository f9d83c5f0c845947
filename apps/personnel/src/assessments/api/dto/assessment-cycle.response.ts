import { ApiProperty } from '@nestjs/swagger';

const cycleStatuses = ['open', 'awaiting-approval', 'finalised'];
const grades = ['unqualified', 'qualified', 'good', 'excellent'];

export class CycleOpenedResponse {
  @ApiProperty({ format: 'uuid' })
  cycleId!: string;

  @ApiProperty({ type: 'integer', description: 'Workers in the cohort, fixed at opening' })
  cohortSize!: number;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description: "The district's assessment policy version the cycle follows",
  })
  policyVersion!: number;
}

/** A cycle as the list shows it. */
export class CycleSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['monthly', 'annual'] })
  kind!: string;

  @ApiProperty({ example: '2026-10', description: 'YYYY-MM for a monthly cycle, YYYY for an annual one' })
  period!: string;

  @ApiProperty({ enum: ['community', 'street'] })
  unitKind!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a street-wide cycle' })
  communityId!: string | null;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty({ enum: cycleStatuses })
  status!: string;

  @ApiProperty({ type: 'integer' })
  cohortSize!: number;

  @ApiProperty({ type: 'integer', description: 'Bonuses the cycle pays, integer fen (0 until finalised)' })
  totalBonusFen!: number;
}

export class ClosingDecisionResponse {
  @ApiProperty({ type: 'integer' })
  attempt!: number;

  @ApiProperty({ example: 'approved', description: 'How the closing approval ended' })
  outcome!: string;

  @ApiProperty({ type: String, nullable: true })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class CohortMemberResponse {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: String, enum: grades, nullable: true, description: 'Null until graded' })
  grade!: string | null;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: String, nullable: true })
  gradedBy!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Integer fen, once the cycle is finalised' })
  bonusFen!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The assessment policy version the bonus was paid by, once the cycle is finalised',
  })
  policyVersion!: number | null;
}

export class QuotaBreachResponse {
  @ApiProperty({ enum: ['excellent', 'good'] })
  grade!: string;

  @ApiProperty({ type: 'integer' })
  graded!: number;

  @ApiProperty({ type: 'integer' })
  allowed!: number;

  @ApiProperty({ type: 'integer', description: 'The quota, percent of the cohort' })
  percent!: number;
}

export class QuotaStandingResponse {
  @ApiProperty({ type: 'integer' })
  cohortSize!: number;

  @ApiProperty({ type: 'integer', example: 20, description: 'The 优秀 quota of the cycle’s policy, percent' })
  excellentPercent!: number;

  @ApiProperty({ type: 'integer', example: 60, description: 'The 良好 quota of the cycle’s policy, percent' })
  goodPercent!: number;

  @ApiProperty({ enum: ['floor', 'round', 'ceil'], description: 'How the head counts are rounded' })
  rounding!: string;

  @ApiProperty({ type: 'integer', description: 'Most workers that may hold 优秀' })
  allowedExcellent!: number;

  @ApiProperty({ type: 'integer', description: 'Most workers that may hold 良好' })
  allowedGood!: number;

  @ApiProperty({ type: [QuotaBreachResponse], description: 'Empty when the grades may be closed' })
  breaches!: QuotaBreachResponse[];
}

export class BonusTableResponse {
  @ApiProperty({ type: 'integer', description: '合格, integer fen' })
  qualified!: number;

  @ApiProperty({ type: 'integer', description: '良好, integer fen' })
  good!: number;

  @ApiProperty({ type: 'integer', description: '优秀, integer fen' })
  excellent!: number;
}

/** A cycle with its cohort, the grades so far and where they stand against the quotas. */
export class CycleResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['monthly', 'annual'] })
  kind!: string;

  @ApiProperty({ example: '2026-10' })
  period!: string;

  @ApiProperty({ enum: ['community', 'street'] })
  unitKind!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  communityId!: string | null;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty()
  districtCode!: string;

  @ApiProperty({ enum: cycleStatuses })
  status!: string;

  @ApiProperty()
  openedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  openedAt!: Date;

  @ApiProperty({ type: 'integer', description: 'Requests to close so far; each started its own approval' })
  closingAttempt!: number;

  @ApiProperty({ type: String, nullable: true })
  closingRequestedBy!: string | null;

  @ApiProperty({ type: ClosingDecisionResponse, nullable: true })
  lastDecision!: ClosingDecisionResponse | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalisedAt!: Date | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      "The district's assessment policy version in force when the cycle opened (null: opened before policies)",
  })
  policyVersion!: number | null;

  @ApiProperty({ type: [CohortMemberResponse] })
  members!: CohortMemberResponse[];

  @ApiProperty({ type: QuotaStandingResponse })
  quota!: QuotaStandingResponse;

  @ApiProperty({ type: BonusTableResponse, description: 'What each grade pays in this cycle, by its policy version' })
  bonusTableFen!: BonusTableResponse;

  @ApiProperty({ type: 'integer', description: 'Integer fen' })
  totalBonusFen!: number;
}

export class GradesRecordedResponse {
  @ApiProperty({ type: 'integer' })
  graded!: number;

  @ApiProperty({ type: 'integer' })
  ungraded!: number;
}

export class ClosingRequestedResponse {
  @ApiProperty({ example: 'assessment-cycle-closing-3c9e…-1' })
  workflowId!: string;

  @ApiProperty({ type: 'integer' })
  attempt!: number;
}

/** A worker's grade in one cycle, as their profile lists it. */
export class WorkerGradeResponse {
  @ApiProperty({ format: 'uuid' })
  cycleId!: string;

  @ApiProperty({ enum: ['monthly', 'annual'] })
  kind!: string;

  @ApiProperty({ example: '2026-10' })
  period!: string;

  @ApiProperty({ enum: cycleStatuses })
  status!: string;

  @ApiProperty({ type: String, enum: grades, nullable: true, description: 'Null until graded' })
  grade!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Integer fen, once the cycle is finalised' })
  bonusFen!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  policyVersion!: number | null;
}
