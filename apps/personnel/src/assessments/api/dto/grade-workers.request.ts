import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import type { PerformanceGrade } from '@jianfu/contracts';

export class GradeEntryRequest {
  @ApiProperty({ example: '5d1c2b3a-0000-4000-8000-000000000001' })
  @IsUUID()
  workerId!: string;

  @ApiProperty({
    enum: ['unqualified', 'qualified', 'good', 'excellent'],
    example: 'good',
    description: '不合格/合格/良好/优秀',
  })
  @IsIn(['unqualified', 'qualified', 'good', 'excellent'])
  grade!: PerformanceGrade;

  @ApiPropertyOptional({ example: '入户走访台账完整' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  comment?: string;
}

export class GradeWorkersRequest {
  @ApiProperty({ type: [GradeEntryRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => GradeEntryRequest)
  grades!: GradeEntryRequest[];
}
