import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Length, Matches, Max, Min } from 'class-validator';

export class RecordTrainingRequest {
  @ApiProperty({ example: '社区治理能力提升专题培训班' })
  @IsString()
  @Length(1, 200)
  course!: string;

  @ApiProperty({ example: 16, description: 'Class hours (学时)' })
  @IsInt()
  @Min(1)
  @Max(1000)
  hours!: number;

  @ApiProperty({ example: '2026-09-18' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'completedOn must be a date YYYY-MM-DD' })
  completedOn!: string;
}
