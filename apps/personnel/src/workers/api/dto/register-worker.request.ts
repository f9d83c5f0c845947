import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { type EducationLevel, educationLevels } from '../../domain/education.js';

export class RegisterWorkerRequest {
  @ApiProperty({ example: 'GL-2019-014', description: 'Employee number (工号), unique in the district' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'employeeNo must be 1-32 letters, digits or dashes' })
  employeeNo!: string;

  @ApiProperty({ example: '林晓梅' })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ example: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: 'community-worker', description: 'A step code of the post track (GET /career-tracks)' })
  @IsString()
  @Length(1, 64)
  postStep!: string;

  @ApiProperty({ example: '2019-07-01' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'postSince must be a date YYYY-MM-DD' })
  postSince!: string;

  @ApiProperty({ example: 'untitled', description: 'A step code of the professional track' })
  @IsString()
  @Length(1, 64)
  titleStep!: string;

  @ApiProperty({ example: '2019-07-01' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'titleSince must be a date YYYY-MM-DD' })
  titleSince!: string;

  @ApiProperty({ enum: educationLevels, example: 'bachelor' })
  @IsIn(educationLevels)
  education!: EducationLevel;

  @ApiProperty({ example: true, description: '中共党员' })
  @IsBoolean()
  partyMember!: boolean;

  @ApiProperty({ example: '2019-07-01' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'hireDate must be a date YYYY-MM-DD' })
  hireDate!: string;

  @ApiPropertyOptional({ example: ['assistant-social-worker-qualification'], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  certificates?: string[];

  @ApiProperty({ example: '建档: 2019年招聘入职', description: 'Why the record is added (kept in its history)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
