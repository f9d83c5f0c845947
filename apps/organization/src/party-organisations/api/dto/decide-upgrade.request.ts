import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import type { UpgradeDecisionAction } from '@jianfu/contracts/workflows';

export class DecideUpgradeRequest {
  @ApiProperty({ enum: ['approve', 'reject'], example: 'approve' })
  @IsIn(['approve', 'reject'])
  action!: UpgradeDecisionAction;

  @ApiPropertyOptional({ example: '党员人数核实不足', description: 'Required when rejecting' })
  @ValidateIf((request: DecideUpgradeRequest) => request.action === 'reject' || request.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}
