import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCalendarYear } from '@jianfu/platform';

export class YearParams {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}
