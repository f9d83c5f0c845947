import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { IsCalendarYear } from '@jianfu/platform';

export class CommunityBurdenReportParams {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2000,
    maximum: 2100,
    example: 2026,
    description: 'Beijing-time year; the current one by default',
  })
  @IsOptional()
  @Type(() => Number)
  @IsCalendarYear()
  year?: number;

  @ApiPropertyOptional({ example: '350102001', description: 'Only the communities of this street; empty for all' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{0,32}$/, { message: 'streetCode must be up to 32 letters, digits or dashes' })
  streetCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this community' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}
