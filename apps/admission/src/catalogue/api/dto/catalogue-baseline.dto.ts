import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { type RemovalReason, removalReasons } from '../../domain/baseline-diff.js';

export class MarkBaselineRequest {
  @ApiProperty({ type: 'integer', example: 1, description: 'The catalogue version that was the pre-reform list' })
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  version!: number;

  @ApiPropertyOptional({ example: '改革前社区承接事项（106项）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RemovalReasonRequest {
  @ApiProperty({ example: 'OLD-017', description: 'The baseline item’s code' })
  @IsString()
  @Length(1, 32)
  code!: string;

  @ApiProperty({ enum: removalReasons, example: 'returned-to-department' })
  @IsIn(removalReasons)
  reason!: RemovalReason;

  @ApiPropertyOptional({ example: 'MZ-01', description: 'For a merged item: the item it was merged into' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  mergedInto?: string;

  @ApiPropertyOptional({ example: '归还区市场监管局' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RecordRemovalReasonsRequest {
  @ApiProperty({ type: [RemovalReasonRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RemovalReasonRequest)
  items!: RemovalReasonRequest[];
}

export class BaselineMarkResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty()
  markedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  markedAt!: Date;
}

export class RemovalReasonsRecordedResponse {
  @ApiProperty({ type: 'integer' })
  recorded!: number;
}

export class RemovedItemResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    enum: [...removalReasons, 'unstated'],
    description: 'Why it left the list; unstated until a reason is recorded',
  })
  reason!: string;

  @ApiProperty({ type: String, nullable: true })
  mergedInto!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class AddedItemResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

/** A version against the pre-reform baseline (e.g. 106 → 34). */
export class BaselineDiffResponse {
  @ApiProperty({ type: 'integer' })
  baselineVersion!: number;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: 'integer', example: 106 })
  baselineItemCount!: number;

  @ApiProperty({ type: 'integer', example: 34 })
  itemCount!: number;

  @ApiProperty({ type: 'integer', description: 'Baseline items still in the version' })
  keptCount!: number;

  @ApiProperty({ type: [RemovedItemResponse] })
  removed!: RemovedItemResponse[];

  @ApiProperty({ type: [AddedItemResponse], description: 'Items the baseline did not have' })
  added!: AddedItemResponse[];
}
