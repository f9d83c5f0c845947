import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { type BallotGrade, ballotGrades, surveyScale } from '../../domain/cadre-review-evidence.js';
import { IsCalendarYear } from '@jianfu/platform';

export class OpenCadreReviewCycleRequest {
  @ApiProperty({ type: 'integer', example: 2026 })
  @IsCalendarYear()
  year!: number;

  @ApiProperty({ example: 'S-WQ' })
  @IsString()
  @Length(1, 32)
  streetCode!: string;
}

export class CadreEvidencePath {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cycleId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  workerId!: string;
}

export class RecordMeetingRequest {
  @ApiProperty({ format: 'date', example: '2026-12-10' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  heldOn!: string;

  @ApiProperty({
    type: [String],
    description: 'Who attended: street committee members and resident representatives; only they vote',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  attendees!: string[];
}

export class CastBallotRequest {
  @ApiProperty({ example: 'rep-07', description: 'An attendee of the debriefing meeting' })
  @IsString()
  @Length(1, 100)
  voterId!: string;

  @ApiProperty({ enum: ballotGrades, description: '优秀 / 称职 / 基本称职 / 不称职' })
  @IsIn(ballotGrades)
  grade!: BallotGrade;
}

export class ChecklistItemRequest {
  @ApiProperty({ example: '台账规范' })
  @IsString()
  @Length(1, 100)
  item!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;
}

export class RecordFieldVisitRequest {
  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  visitedOn!: string;

  @ApiProperty({ type: [ChecklistItemRequest] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemRequest)
  checklist!: ChecklistItemRequest[];

  @ApiProperty({ example: '走访居民 12 户，反映良好' })
  @IsString()
  @Length(1, 2000)
  notes!: string;
}

export class RecordHouseholdSurveyRequest {
  @ApiProperty({ description: 'The household id; only its hash is stored' })
  @IsString()
  @Length(1, 100)
  householdId!: string;

  @ApiProperty({
    type: [Number],
    description: `Answers on the ${surveyScale.min} (很不满意) to ${surveyScale.max} (很满意) scale`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(surveyScale.min, { each: true })
  @Max(surveyScale.max, { each: true })
  answers!: number[];
}

export class RecordQuestionnaireRequest {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  sampleSize!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: '满意' })
  @IsInt()
  @Min(0)
  satisfied!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: '基本满意' })
  @IsInt()
  @Min(0)
  basicallySatisfied!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: '不满意' })
  @IsInt()
  @Min(0)
  dissatisfied!: number;
}

export class ResidentSatisfactionRequest {
  @ApiProperty({ type: 'integer', example: 2026 })
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}
