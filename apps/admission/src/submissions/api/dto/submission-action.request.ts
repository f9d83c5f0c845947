import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { approvalActionKinds, ReviewerActionRequest } from '@jianfu/approvals';

/** A reviewer's action on a submission's step; the workflow judges which actions need a reason. */
export class SubmissionActionRequest extends ReviewerActionRequest({
  actions: approvalActionKinds,
  action: { example: 'approve' },
  reason: {
    requiredFor: [],
    maxLength: 1000,
    example: '缺少法律依据，请补充',
    description: 'Required to reject or return',
  },
  examples: {
    targetUserId: 'reviewer-2',
    targetRole: 'admission-reviewer',
    comment: '同意，建议经费按季度拨付',
  },
}) {
  @ApiPropertyOptional({ example: 'community-2b0f6a52-8d5c-4c36-9d6e-0f1a2b3c4d5e' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  slotId?: string;
}

export class ResubmitRequest {
  @ApiPropertyOptional({ example: '已补充法律依据并提高经费标准' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
