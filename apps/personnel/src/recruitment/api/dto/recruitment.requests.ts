import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { type RecruitmentStage, recruitmentStages } from '@jianfu/contracts/workflows';
import { type EducationLevel, educationLevels } from '../../../workers/domain/education.js';

export class PostingPlaceRequest {
  @ApiProperty({ example: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: 1, description: 'Places (招聘名额) for the community' })
  @IsInt()
  @Min(1)
  @Max(100)
  places!: number;
}

export class OpenPostingRequest {
  @ApiProperty({ example: '2026年鼓楼区公开招聘社区工作者' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 60, description: 'Written exam pass mark (笔试合格分数线), 0–100' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  writtenPassMark!: number;

  @ApiProperty({ example: 60, description: 'Interview pass mark, 0–100' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  interviewPassMark!: number;

  @ApiProperty({ example: 50, description: 'Weight of the written exam in the total, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  writtenWeightPercent!: number;

  @ApiProperty({ type: [PostingPlaceRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PostingPlaceRequest)
  places!: PostingPlaceRequest[];
}

export class AddApplicationRequest {
  @ApiProperty({ example: '2026010001', description: 'Candidate number (准考证号), unique in the posting' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,20}$/, { message: 'candidateNo must be 1-20 letters, digits or dashes' })
  candidateNo!: string;

  @ApiProperty({ example: '王一鸣' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ example: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50', description: 'The community applied for' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ enum: educationLevels, example: 'bachelor' })
  @IsIn(educationLevels)
  education!: EducationLevel;

  @ApiProperty({ example: true })
  @IsBoolean()
  partyMember!: boolean;
}

export class ScoreEntryRequest {
  @ApiProperty({ example: '5d1c2b3a-0000-4000-8000-000000000001' })
  @IsUUID()
  applicationId!: string;

  @ApiProperty({ example: 78.5, description: '0–100, at most one decimal' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  score!: number;
}

export class RecordScoresRequest {
  @ApiProperty({ type: [ScoreEntryRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ScoreEntryRequest)
  scores!: ScoreEntryRequest[];
}

export class InspectionEntryRequest {
  @ApiProperty({ example: '5d1c2b3a-0000-4000-8000-000000000001' })
  @IsUUID()
  applicationId!: string;

  @ApiProperty({ enum: ['pass', 'fail'], example: 'pass' })
  @IsIn(['pass', 'fail'])
  result!: 'pass' | 'fail';

  @ApiProperty({ example: '政治素质好, 群众基础好' })
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class RecordInspectionsRequest {
  @ApiProperty({ type: [InspectionEntryRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => InspectionEntryRequest)
  results!: InspectionEntryRequest[];
}

export class AdvanceRecruitmentRequest {
  @ApiProperty({ enum: recruitmentStages, example: 'written-exam', description: 'The stage being closed' })
  @IsIn(recruitmentStages)
  from!: RecruitmentStage;
}
