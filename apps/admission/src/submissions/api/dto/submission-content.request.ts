import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarYear } from '@jianfu/platform';

export class SubmissionTargetRequest {
  @ApiProperty({ enum: ['all', 'street', 'communities'], example: 'communities' })
  @IsIn(['all', 'street', 'communities'])
  mode!: 'all' | 'street' | 'communities';

  @ApiPropertyOptional({ example: 'S-GD', description: 'Required when mode is street' })
  @ValidateIf((target: SubmissionTargetRequest) => target.mode === 'street')
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  streetCode?: string;

  @ApiPropertyOptional({
    example: ['2b0f6a52-8d5c-4c36-9d6e-0f1a2b3c4d5e'],
    description: 'Required when mode is communities',
  })
  @ValidateIf((target: SubmissionTargetRequest) => target.mode === 'communities')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  communityIds?: string[];
}

export class AttachmentRequest {
  @ApiProperty({ example: '关于开展居家养老服务补贴申报工作的通知.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  @IsString()
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'mediaType must be a media type such as application/pdf' })
  mediaType!: string;

  @ApiProperty({ example: 245760 })
  @IsInt()
  @Min(0)
  @Max(100 * 1024 * 1024)
  sizeBytes!: number;

  @ApiPropertyOptional({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256?: string;
}

/** What a department fills in for a task it asks to assign to communities (准入申报). */
export class SubmissionContentRequest {
  @ApiProperty({ example: '居家养老服务补贴对象入户核查' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '每季度对辖区居家养老服务补贴对象开展一次入户核查，填写核查表。' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ example: '《福建省养老服务条例》第二十条', description: 'A law, regulation or document' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  legalBasis?: string;

  @ApiPropertyOptional({ example: 'MZ-01', description: 'The admission catalogue item this task belongs to' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  catalogueItemCode?: string;

  @ApiPropertyOptional({
    example: 'QL-MZ-017',
    description: 'The department’s power item (权力清单) the work rests on; a cancelled one is refused at pre-check',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  powerItemCode?: string;

  @ApiProperty({ type: SubmissionTargetRequest })
  @ValidateNested()
  @Type(() => SubmissionTargetRequest)
  target!: SubmissionTargetRequest;

  @ApiProperty({ enum: ['one-off', 'recurring'], example: 'recurring' })
  @IsIn(['one-off', 'recurring'])
  recurrence!: 'one-off' | 'recurring';

  @ApiProperty({ example: '2027-01-01' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodStart must be a date YYYY-MM-DD' })
  periodStart!: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be a date YYYY-MM-DD' })
  periodEnd!: string;

  @ApiPropertyOptional({
    example: 2027,
    description: 'The department budget year that pays for the task; defaults to the year of periodStart',
  })
  @IsOptional()
  @IsCalendarYear()
  budgetYear?: number;

  @ApiProperty({ example: ['居家养老补贴核查台账'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  requiredLedgers!: string[];

  @ApiPropertyOptional({ example: null, description: 'An evaluation or ranking (考核评比) the task brings, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evaluation?: string;

  @ApiProperty({ example: 300000, description: 'Funds proposed for each community, in fen (3,000 yuan)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  fundingPerCommunityFen!: number;

  @ApiPropertyOptional({
    example: false,
    description:
      'One-off work that needs no money (无经费事项): only with fundingPerCommunityFen 0; dispatched at admission ' +
      'without a fund transfer. Recurring work is never unfunded.',
  })
  @IsOptional()
  @IsBoolean()
  unfunded?: boolean;

  @ApiPropertyOptional({
    enum: ['month', 'quarter', 'year'],
    example: 'quarter',
    description:
      'Recurring work only: fund it per month, quarter or year (按期拨付), each period its own transfer, the ' +
      'first at admission and each later one when its period begins; default year',
  })
  @IsOptional()
  @IsIn(['month', 'quarter', 'year'])
  fundingPeriod?: 'month' | 'quarter' | 'year';

  @ApiProperty({ type: [AttachmentRequest], example: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRequest)
  attachments!: AttachmentRequest[];
}
