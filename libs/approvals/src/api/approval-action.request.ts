import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** What one route's `POST …/actions` body takes; the examples stay the route's own, for its API document. */
export interface ApprovalActionRequestShape<A extends string> {
  actions: readonly A[];
  /** `action`'s example and description in the API document. */
  action?: { example?: A; description?: string };
  reason: {
    /**
     * The actions that must carry a reason (1 to `maxLength` characters). With none, the reason is optional free text
     * of at most `maxLength` characters, and the workflow judges whether the action needs it.
     */
    requiredFor: readonly A[];
    maxLength: number;
    /** The shortest reason taken; a required reason is at least 1 character, an optional one may be empty. */
    minLength?: number;
    example?: string;
    description?: string;
  };
}

/** Who an approval action is about, for the kit's transfer, add-reviewer and copy; examples per route. */
export interface ReviewerActionRequestShape<A extends string> extends ApprovalActionRequestShape<A> {
  examples: { targetUserId: string; targetRole: string; comment: string };
}

/**
 * The base of every approval-action body (审批操作): `action` and `reason`. A service extends the returned class,
 * which names the schema in its API document: `class DecideX extends ApprovalActionRequest({ … }) {}`.
 */
export function ApprovalActionRequest<A extends string>(shape: ApprovalActionRequestShape<A>) {
  const { requiredFor, maxLength, minLength, example, description } = shape.reason;
  const reasonRules = requiredFor.length
    ? [
        ValidateIf(
          (request: { action: A; reason?: string }) =>
            requiredFor.includes(request.action) || request.reason !== undefined,
        ),
        IsString(),
        Length(minLength ?? 1, maxLength),
      ]
    : [IsOptional(), IsString(), minLength ? Length(minLength, maxLength) : MaxLength(maxLength)];

  class ApprovalAction {
    @ApiProperty({ enum: shape.actions, ...shape.action })
    @IsIn(shape.actions)
    action!: A;

    @ApiPropertyOptional({ example, description })
    @applyDecorators(...reasonRules)
    reason?: string;
  }
  return ApprovalAction;
}

/** An approval action that may name another reviewer (transfer, add-reviewer, copy) and leave an opinion. */
export function ReviewerActionRequest<A extends string>(shape: ReviewerActionRequestShape<A>) {
  const { examples } = shape;

  class ReviewerAction extends ApprovalActionRequest(shape) {
    @ApiPropertyOptional({ example: examples.targetUserId, description: 'Whom to transfer to, add or copy' })
    @IsOptional()
    @IsString()
    @MinLength(1)
    @MaxLength(100)
    targetUserId?: string;

    @ApiPropertyOptional({ example: examples.targetRole, description: 'The role an added reviewer acts in' })
    @IsOptional()
    @IsString()
    @MaxLength(50)
    targetRole?: string;

    @ApiPropertyOptional({ example: examples.comment, description: 'An opinion kept in the audit trail' })
    @IsOptional()
    @IsString()
    @MaxLength(2000)
    comment?: string;
  }
  return ReviewerAction;
}
