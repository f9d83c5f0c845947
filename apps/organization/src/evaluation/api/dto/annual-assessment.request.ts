import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { IsCalendarYear } from '@jianfu/platform';

/** A department and the year of its annual target assessment (年度目标责任考核). */
export class AnnualAssessmentRequest {
  @ApiProperty({ format: 'uuid', example: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026, description: 'The assessed year' })
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}
