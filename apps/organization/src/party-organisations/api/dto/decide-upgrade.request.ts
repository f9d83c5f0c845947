import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { type UpgradeActionKind, upgradeActionKinds } from '../../domain/upgrade-action.js';

export class DecideUpgradeRequest {
  @ApiProperty({ enum: upgradeActionKinds, example: 'approve' })
  @IsIn(upgradeActionKinds)
  action!: UpgradeActionKind;

  @ApiPropertyOptional({ example: '党员人数核实不足', description: 'Required when rejecting' })
  @ValidateIf((request: DecideUpgradeRequest) => request.action === 'reject' || request.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ example: 'zuzhibu-2', description: 'Whom to transfer to, add or copy' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  targetUserId?: string;

  @ApiPropertyOptional({ example: 'hr-officer', description: 'The role an added reviewer acts in' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  targetRole?: string;

  @ApiPropertyOptional({ example: '请组织科核实党员名册', description: 'An opinion kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
