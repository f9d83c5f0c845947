import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';

export const approverActionKinds = ['approve', 'reject', 'return', 'withdraw', 'remind'] as const;
export type ApproverActionKind = (typeof approverActionKinds)[number];

/** An action on an approval step (审批); reject and return need a reason. */
export class ApprovalActionRequest {
  @ApiProperty({ enum: approverActionKinds, example: 'approve' })
  @IsIn(approverActionKinds)
  kind!: ApproverActionKind;

  @ApiPropertyOptional({ example: '优秀比例超出, 请复核', description: 'Required to reject or return' })
  @ValidateIf(
    (request: ApprovalActionRequest) =>
      request.kind === 'reject' || request.kind === 'return' || request.reason !== undefined,
  )
  @IsString()
  @Length(1, 500)
  reason?: string;
}
