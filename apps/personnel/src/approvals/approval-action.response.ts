import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { approvalActionKinds, type ApprovalActionResult } from '@jianfu/approvals';

const stepStatuses = ['open', 'approved', 'rejected', 'returned', 'withdrawn', 'expired'] as const;

export class SlotDecisionResponse {
  @ApiProperty({ enum: ['approve', 'reject', 'return'] })
  kind!: string;

  @ApiProperty()
  actorId!: string;

  @ApiPropertyOptional()
  actorRole?: string;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional()
  comment?: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class ReviewerSlotResponse {
  @ApiProperty()
  slotId!: string;

  @ApiPropertyOptional({ description: 'The named reviewer, when the slot names one' })
  userId?: string;

  @ApiPropertyOptional({ description: 'The role any holder of which may act in the slot' })
  role?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Where the holder must stand: `{level: district|street|community|department, …}`',
  })
  scope?: Record<string, unknown>;

  @ApiPropertyOptional()
  scopeRef?: string;

  @ApiPropertyOptional()
  label?: string;

  @ApiPropertyOptional({ type: SlotDecisionResponse })
  decision?: SlotDecisionResponse;

  @ApiPropertyOptional()
  addedBy?: string;

  @ApiPropertyOptional({ type: [String] })
  transferredFrom?: string[];
}

export class StepClosedByResponse {
  @ApiProperty()
  actorId!: string;

  @ApiProperty({ enum: [...approvalActionKinds, 'deadline'] })
  kind!: string;

  @ApiPropertyOptional()
  reason?: string;
}

/** An approval step (审批环节) as it stands after the action. */
export class ApprovalStepResponse {
  @ApiProperty({ example: 'district-decision' })
  stepId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: stepStatuses, description: 'Where the step stands' })
  status!: (typeof stepStatuses)[number];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'How the step completes: `{rule: all}`, `{rule: any}` or `{rule: ratio, ratio}`',
  })
  completion!: Record<string, unknown>;

  @ApiProperty({ enum: approvalActionKinds, isArray: true })
  allowedActions!: string[];

  @ApiProperty({ type: [ReviewerSlotResponse] })
  slots!: ReviewerSlotResponse[];

  @ApiProperty({ type: [String] })
  watchers!: string[];

  @ApiProperty({ type: 'integer', description: 'Reminders sent by people' })
  reminders!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Reminders sent by the deadline timer' })
  autoReminders?: number;

  @ApiProperty({ type: 'integer' })
  maxReminders!: number;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  deadlineAt?: string;

  @ApiProperty()
  escalated!: boolean;

  @ApiProperty()
  submitterActs!: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  closedAt?: string;

  @ApiPropertyOptional({ type: StepClosedByResponse })
  closedBy?: StepClosedByResponse;
}

export class ApprovalActionResponse {
  @ApiProperty({ description: 'True when the action repeated one already taken; it had no effect' })
  duplicate!: boolean;

  @ApiProperty({ type: ApprovalStepResponse })
  step!: ApprovalStepResponse;
}

/** The approval kit's answer with the step's `state` spelled `status`, as every answer of the API spells it. */
export function toApprovalActionResponse(result: ApprovalActionResult): ApprovalActionResponse {
  const { state, ...step } = result.step;
  return { duplicate: result.duplicate, step: { ...step, status: state } as unknown as ApprovalStepResponse };
}
