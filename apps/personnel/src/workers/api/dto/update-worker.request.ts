import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { type EducationLevel, educationLevels } from '../../domain/education.js';

export class UpdateWorkerRequest {
  @ApiPropertyOptional({ example: '林晓梅' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({
    example: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50',
    description: 'Transfer to another community',
  })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ enum: educationLevels, example: 'master' })
  @IsOptional()
  @IsIn(educationLevels)
  education?: EducationLevel;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  partyMember?: boolean;

  @ApiPropertyOptional({ example: ['social-worker-qualification'], description: 'The full list of certificates held' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  certificates?: string[];

  @ApiProperty({ example: '取得社会工作师职业水平证书', description: 'Why the record changes (kept in its history)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
