import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import type { TaskFundDecisionAction } from '@jianfu/contracts/workflows';

export class DecideTaskFundTransferRequest {
  @ApiProperty({ enum: ['approve', 'reject', 'return'], example: 'approve' })
  @IsIn(['approve', 'reject', 'return'])
  action!: TaskFundDecisionAction;

  @ApiPropertyOptional({ example: '预算科目不符，请核对', description: 'Required to reject or return' })
  @ValidateIf((request: DecideTaskFundTransferRequest) => request.action !== 'approve' || request.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}
