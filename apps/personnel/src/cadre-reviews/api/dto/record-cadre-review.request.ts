import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class RecordCadreReviewRequest {
  @ApiProperty({ example: 92, description: '述职评议 score, 0–100' })
  @IsInt()
  @Min(0)
  @Max(100)
  debriefingScore!: number;

  @ApiProperty({ example: 88, description: '实地走访 score, 0–100' })
  @IsInt()
  @Min(0)
  @Max(100)
  fieldVisitScore!: number;

  @ApiProperty({ example: '走访3个网格, 台账规范, 服务窗口有人值守' })
  @IsString()
  @Length(1, 2000)
  fieldVisitNotes!: string;

  @ApiProperty({ example: 90, description: '入户调查 score, 0–100' })
  @IsInt()
  @Min(0)
  @Max(100)
  householdSurveyScore!: number;

  @ApiProperty({ example: 95, description: '居民满意度, percent of surveyed residents satisfied' })
  @IsInt()
  @Min(0)
  @Max(100)
  residentSatisfaction!: number;
}
