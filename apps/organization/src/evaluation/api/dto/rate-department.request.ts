import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { evaluationPeriodPattern, type RatingGrade, ratingGrades } from '../../domain/evaluation-period.js';

export class RateDepartmentRequest {
  @ApiProperty({ example: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({
    example: '2026-H1',
    description: 'A year (2026), half (2026-H1), quarter (2026-Q3) or month (2026-07)',
  })
  @IsString()
  @Matches(evaluationPeriodPattern, { message: 'period must be like 2026, 2026-H1, 2026-Q3 or 2026-07' })
  period!: string;

  @ApiProperty({ enum: ratingGrades, example: 'basically-satisfied', description: '满意 / 基本满意 / 不满意' })
  @IsIn(ratingGrades)
  grade!: RatingGrade;

  @ApiPropertyOptional({ example: '台账要求仍偏多' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  comment?: string;
}
