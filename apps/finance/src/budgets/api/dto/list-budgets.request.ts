import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCalendarYear, PageQuery } from '@jianfu/platform';

export class ListBudgetsRequest extends PageQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026, description: 'The budget year' })
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}
