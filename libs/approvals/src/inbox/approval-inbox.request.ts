import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ApprovalInboxQuery {
  @ApiPropertyOptional({ enum: ['open', 'done', 'closed', 'all'], example: 'open', default: 'open' })
  @IsOptional()
  @IsIn(['open', 'done', 'closed', 'all'])
  state?: 'open' | 'done' | 'closed' | 'all';

  @ApiPropertyOptional({ enum: ['review', 'copy'], example: 'review' })
  @IsOptional()
  @IsIn(['review', 'copy'])
  kind?: 'review' | 'copy';

  @ApiPropertyOptional({ example: 'admission-submission' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectType?: string;

  @ApiPropertyOptional({ example: 'street-review' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stepId?: string;

  @ApiPropertyOptional({ example: false, description: 'Only items past their deadline' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ApprovalAuditQuery {
  @ApiProperty({ example: 'admission-submission' })
  @IsString()
  @MaxLength(100)
  subjectType!: string;

  @ApiProperty({ example: '6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10' })
  @IsString()
  @MaxLength(100)
  subjectId!: string;
}
