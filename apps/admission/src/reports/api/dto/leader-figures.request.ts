import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsCalendarYear } from '@jianfu/platform';

export class LeaderYearQuery {
  @ApiPropertyOptional({
    type: 'integer',
    example: 2027,
    description: 'The year counted (China time); this year if absent',
  })
  @IsOptional()
  @Type(() => Number)
  @IsCalendarYear()
  year?: number;
}

export class BurdenIndexQuery extends LeaderYearQuery {
  @ApiPropertyOptional({ example: 'S-GL', description: 'Only the communities of this street; empty for all' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{0,32}$/, { message: 'streetCode must be up to 32 letters, digits or dashes' })
  streetCode?: string;
}
