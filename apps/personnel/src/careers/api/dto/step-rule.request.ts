import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { type EducationLevel, educationLevels } from '../../../workers/domain/education.js';
import type { StepRule } from '../../domain/eligibility.js';

export class StepRuleRequest {
  @ApiProperty({ example: 3, description: 'Years in the current step before this one may be reached' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(40)
  minYearsInRank!: number;

  @ApiProperty({ example: 2, description: 'How many of the most recent annual grades count (0: none)' })
  @IsInt()
  @Min(0)
  @Max(10)
  recentAnnualGrades!: number;

  @ApiProperty({ enum: ['qualified', 'good', 'excellent'], example: 'good', description: 'The lowest of those grades' })
  @IsIn(['qualified', 'good', 'excellent'])
  recentAnnualMinGrade!: StepRule['recentAnnualMinGrade'];

  @ApiProperty({ example: ['social-worker-qualification'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  requiredCertificates!: string[];

  @ApiPropertyOptional({ enum: educationLevels, example: 'junior-college', nullable: true })
  @IsOptional()
  @IsIn(educationLevels)
  minEducation?: EducationLevel;

  @ApiProperty({ example: true })
  @IsBoolean()
  requiresPartyMember!: boolean;

  @ApiProperty({ example: false, description: 'Only as many holders as the district’s establishment places' })
  @IsBoolean()
  limitedByPlaces!: boolean;
}

export class EstablishmentPlacesRequest {
  @ApiProperty({ example: 48, description: 'Career-establishment posts (事业编制) for the step in the district' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  places!: number;
}

export class RequestPromotionRequest {
  @ApiProperty({ example: 'post', description: 'post (职务) or professional (职称)' })
  @IsString()
  @Length(1, 50)
  trackCode!: string;

  @ApiProperty({ example: '任职满三年, 连续两年考核良好以上' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
