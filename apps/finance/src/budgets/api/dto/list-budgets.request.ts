import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PageQuery } from '@jianfu/platform';

export class ListBudgetsRequest extends PageQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026, description: 'The budget year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
