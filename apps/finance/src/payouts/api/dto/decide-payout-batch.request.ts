import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';

export class DecidePayoutBatchRequest {
  @ApiProperty({ enum: ['approve', 'reject'], example: 'approve' })
  @IsIn(['approve', 'reject'])
  action!: 'approve' | 'reject';

  @ApiPropertyOptional({ example: '名单与考核结果不符', description: 'Required to reject' })
  @ValidateIf((request: DecidePayoutBatchRequest) => request.action === 'reject' || request.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}
