import { ApiProperty } from '@nestjs/swagger';

const communityTaskStatuses = ['admitted', 'dispatched', 'done'] as const;
type CommunityTaskStatus = (typeof communityTaskStatuses)[number];

/** An admitted task (准入事项). */
export class TaskResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ format: 'uuid' })
  submissionId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['one-off', 'recurring'] })
  recurrence!: string;

  @ApiProperty({ format: 'date' })
  periodStart!: string;

  @ApiProperty({ format: 'date' })
  periodEnd!: string;

  @ApiProperty({ type: [String] })
  requiredLedgers!: string[];

  @ApiProperty({ type: String, nullable: true })
  evaluation!: string | null;

  @ApiProperty({ enum: ['awaiting', 'funded', 'failed'], description: 'Whether its funds arrived (费随事转)' })
  fundingStatus!: 'awaiting' | 'funded' | 'failed';

  @ApiProperty({ type: 'integer', description: 'Funds for all its communities, in fen' })
  totalFen!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  admittedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  fundedAt!: Date | null;
}

/** An admitted task as it reached one community: its share of the funds and where it stands there. */
export class CommunityTaskResponse extends TaskResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer', example: 300000, description: 'This community’s funds, in fen' })
  amountFen!: number;

  @ApiProperty({ enum: communityTaskStatuses, description: 'admitted: funds awaited; dispatched: on its list' })
  status!: CommunityTaskStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dispatchedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt!: Date | null;
}

/** Work the gate let through. */
export class GateAssignmentResponse {
  @ApiProperty({ enum: [true], description: 'Always true: a refusal answers 422 and is recorded' })
  accepted!: boolean;

  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ enum: communityTaskStatuses })
  status!: CommunityTaskStatus;
}

export class CommunityTaskStatusResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ enum: ['done'] })
  status!: string;
}

/** A violation (违规摊派) just recorded. */
export class ViolationRecordedResponse {
  @ApiProperty({ format: 'uuid' })
  violationId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;
}

/** Work pushed on a community outside admission: refused at the gate, or reported by the community. */
export class ViolationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  taskId!: string | null;

  @ApiProperty({ example: 'gate.not-funded', description: 'The gate’s refusal code, or gate.refused-by-community' })
  code!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  reportedBy!: string;

  @ApiProperty({ enum: ['gate', 'community'] })
  source!: 'gate' | 'community';

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;
}
