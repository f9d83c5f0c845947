import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';

export class AgreementProjectRequest {
  @ApiProperty({ enum: ['community', 'unit'], example: 'unit', description: 'Which side provides the project' })
  @IsIn(['community', 'unit'])
  committedBy!: 'community' | 'unit';

  @ApiProperty({ example: '党员志愿者进社区义务维修' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ example: '每月第一个周六' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  description?: string;
}

export class SignAgreementRequest {
  @ApiProperty({ example: 'GJ-2026-001', description: 'Code of the agreement, unique in the platform' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '350102001001' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'communityCode must be 1-32 letters, digits or dashes' })
  communityCode!: string;

  @ApiProperty({ example: 'RU-FZ-EPB' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'residentUnitCode must be 1-32 letters, digits or dashes' })
  residentUnitCode!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2028-01-01', description: 'First day the agreement no longer applies' })
  @IsCalendarDate()
  endsOn!: string;

  @ApiProperty({ type: [AgreementProjectRequest], description: 'Service projects each side commits to' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgreementProjectRequest)
  projects!: AgreementProjectRequest[];
}
