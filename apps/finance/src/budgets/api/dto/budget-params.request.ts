import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { IsCalendarYear } from '@jianfu/platform';

export class BudgetParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026, description: 'The budget year' })
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}
