import { ApiProperty } from '@nestjs/swagger';
import {
  type CommunityTaskStatus,
  communityTaskStatuses,
  type DemandKind,
  demandKinds,
  type TaskFundingStatus,
  taskFundingStatuses,
} from '../../domain/admitted-task.js';

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

  @ApiProperty({ type: 'integer', example: 2027, description: 'The department budget year that pays for it' })
  budgetYear!: number;

  @ApiProperty({ type: [String] })
  requiredLedgers!: string[];

  @ApiProperty({ type: String, nullable: true })
  evaluation!: string | null;

  @ApiProperty({
    enum: taskFundingStatuses,
    description:
      'Whether its funds arrived (费随事转). not-required: one-off work declared unfunded, funded by rule; ' +
      'suspended: funded before, but an instalment failed, so it is off the lists until a later one is paid',
  })
  fundingStatus!: TaskFundingStatus;

  @ApiProperty({
    type: String,
    enum: ['month', 'quarter', 'year'],
    nullable: true,
    description: 'Recurring work funded per period (按期拨付); null when funded once',
  })
  fundingPeriod!: string | null;

  @ApiProperty({ type: 'integer', description: 'Funds for all its communities, in fen' })
  totalFen!: number;

  @ApiProperty({ type: 'integer', description: 'What finance reported paid so far, in fen (instalments add up)' })
  paidFen!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was cancelled, if it was' })
  cancelledAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was cancelled, if it was' })
  cancelReason!: string | null;

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

  @ApiProperty({
    enum: communityTaskStatuses,
    description:
      'admitted: funds awaited; dispatched: on its list; done: reported done; suspended: off its list while an ' +
      'instalment failed; cancelled: the task was cancelled',
  })
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

/** An admitted task cancelled: off every community’s list, and finance starts no further instalment. */
export class TaskCancellationResponse {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ enum: ['cancelled'] })
  status!: 'cancelled';

  @ApiProperty({ type: String, format: 'date-time', description: 'When it was first cancelled' })
  cancelledAt!: Date;

  @ApiProperty({ example: '上级政策调整，该事项不再由社区承担', description: 'The reason given the first time' })
  reason!: string;

  @ApiProperty({ description: 'True when it was already cancelled: the first cancellation is answered' })
  duplicate!: boolean;
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

  @ApiProperty({ enum: demandKinds, description: 'The kind of demand reported' })
  kind!: DemandKind;
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

  @ApiProperty({
    example: 'gate.not-funded',
    description:
      'The refusal code (gate.*, seal.*, plaque.*, ledger.*), or <kind>.refused-by-community for a refusal a ' +
      'community recorded (gate.refused-by-community for a task)',
  })
  code!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  reportedBy!: string;

  @ApiProperty({ enum: ['gate', 'community'] })
  source!: 'gate' | 'community';

  @ApiProperty({ enum: demandKinds, description: 'The kind of demand: a task, meeting, ledger, seal or plaque' })
  kind!: DemandKind;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: Date;
}
