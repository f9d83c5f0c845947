import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { evaluationPeriodPattern } from '../../domain/evaluation-period.js';

export class DepartmentRankingParams {
  @ApiProperty({ example: '2026', description: 'A year (2026), half (2026-H1), quarter (2026-Q3) or month (2026-07)' })
  @IsString()
  @Matches(evaluationPeriodPattern, { message: 'period must be like 2026, 2026-H1, 2026-Q3 or 2026-07' })
  period!: string;
}
