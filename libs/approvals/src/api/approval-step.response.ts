import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ApprovalActionKind,
  type ApprovalStepStatus,
  stepActionKinds,
  type StepState,
} from '../workflow/approval-actions.js';
import type { ApprovalActionResult } from '../workflow/approval-messages.js';

export const stepStatuses: readonly StepState[] = ['open', 'approved', 'rejected', 'returned', 'withdrawn', 'expired'];

export class SlotScopeResponse {
  @ApiProperty({ enum: ['district', 'street', 'community', 'department'] })
  level!: 'district' | 'street' | 'community' | 'department';

  @ApiPropertyOptional({ type: [String], description: 'The streets a holder’s token must name (level street)' })
  streetCodes?: string[];

  @ApiPropertyOptional({ type: [String], description: 'The communities a holder’s token must name (level community)' })
  communityIds?: string[];

  @ApiPropertyOptional({ description: 'The department a holder’s token must name (level department)' })
  departmentId?: string;
}

export class SlotDecisionResponse {
  @ApiProperty({
    enum: ['approve', 'reject', 'return', 'answer'],
    description: '`answer`: the party asked for its opinion answered (the answer is in `comment`)',
  })
  kind!: 'approve' | 'reject' | 'return' | 'answer';

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

/** A place for one reviewer's decision: a named user and/or a role, within an organisation scope. */
export class ReviewerSlotResponse {
  @ApiProperty({ example: 'street' })
  slotId!: string;

  @ApiPropertyOptional()
  userId?: string;

  @ApiPropertyOptional({ example: 'admission-reviewer' })
  role?: string;

  @ApiPropertyOptional({ type: SlotScopeResponse })
  scope?: SlotScopeResponse;

  @ApiPropertyOptional({ description: 'The older single-unit scope of recorded reviews' })
  scopeRef?: string;

  @ApiPropertyOptional()
  label?: string;

  @ApiPropertyOptional({ type: SlotDecisionResponse })
  decision?: SlotDecisionResponse;

  @ApiPropertyOptional({ description: 'Who added the slot (add-reviewer, escalation)' })
  addedBy?: string;

  @ApiPropertyOptional({ type: [String], description: 'Earlier holders, when the slot was transferred' })
  transferredFrom?: string[];
}

export class CompletionRuleResponse {
  @ApiProperty({ enum: ['all', 'any', 'ratio'] })
  rule!: 'all' | 'any' | 'ratio';

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'With rule ratio: the share of slots that must agree' })
  ratio?: number;
}

export class StepClosedByResponse {
  @ApiProperty()
  actorId!: string;

  @ApiProperty({ enum: [...stepActionKinds, 'deadline'] })
  kind!: ApprovalActionKind | 'deadline';

  @ApiPropertyOptional()
  reason?: string;
}

/** One approval step as it stands. */
export class ApprovalStepResponse {
  @ApiProperty({ example: 'street-review-1' })
  stepId!: string;

  @ApiProperty({ example: '街道/民政审核' })
  name!: string;

  @ApiProperty({ enum: stepStatuses, example: 'open' })
  status!: StepState;

  @ApiProperty({ type: CompletionRuleResponse })
  completion!: CompletionRuleResponse;

  @ApiProperty({ enum: stepActionKinds, isArray: true })
  allowedActions!: ApprovalActionKind[];

  @ApiProperty({ type: [ReviewerSlotResponse] })
  slots!: ReviewerSlotResponse[];

  @ApiProperty({ type: [String], description: 'Users copied on the step (抄送)' })
  watchers!: string[];

  @ApiProperty({ type: 'integer', description: 'Reminders sent by people; these count against maxReminders' })
  reminders!: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Reminders sent by the deadline timer' })
  autoReminders?: number;

  @ApiProperty({ type: 'integer' })
  maxReminders!: number;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  deadlineAt?: string;

  @ApiPropertyOptional({
    description:
      'True when the deadline runs through a year whose 调休 arrangement was not loaded: counted by the statutory days only',
  })
  calendarProvisional?: boolean;

  @ApiProperty()
  escalated!: boolean;

  @ApiProperty({ description: 'The submitter is the reviewer here (amending a returned request)' })
  submitterActs!: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  closedAt?: string;

  @ApiPropertyOptional({ type: StepClosedByResponse })
  closedBy?: StepClosedByResponse;
}

/** The answer to a human action (`POST …/actions`, `POST …/resubmission`). */
export class ApprovalActionResponse {
  @ApiProperty({ description: 'True when the action repeated one already taken; it had no effect' })
  duplicate!: boolean;

  @ApiProperty({ type: ApprovalStepResponse, description: 'The step acted on, after the action' })
  step!: ApprovalStepResponse;
}

/** The workflow's step as the API answers it: where it stands is `status`, as on every record. */
export function toApprovalStepResponse(step: ApprovalStepStatus): ApprovalStepResponse {
  const { state, allowedActions, ...rest } = step;
  return { ...rest, allowedActions: [...allowedActions], status: state };
}

export function toApprovalActionResponse(result: ApprovalActionResult): ApprovalActionResponse {
  return { duplicate: result.duplicate, step: toApprovalStepResponse(result.step) };
}
