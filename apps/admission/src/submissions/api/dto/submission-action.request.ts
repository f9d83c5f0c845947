import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { approvalActionKinds, type ApprovalActionKind } from '@jianfu/approvals';

export class SubmissionActionRequest {
  @ApiProperty({ enum: approvalActionKinds, example: 'approve' })
  @IsIn(approvalActionKinds)
  action!: ApprovalActionKind;

  @ApiPropertyOptional({ example: '缺少法律依据，请补充', description: 'Required to reject or return' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ example: 'reviewer-2', description: 'Whom to transfer to, add or copy' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  targetUserId?: string;

  @ApiPropertyOptional({ example: 'admission-reviewer', description: 'The role an added reviewer acts in' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  targetRole?: string;

  @ApiPropertyOptional({ example: '同意，建议经费按季度拨付', description: 'An opinion kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

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
