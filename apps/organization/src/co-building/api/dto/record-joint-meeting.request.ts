import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';

export class MeetingAttendanceRequest {
  @ApiProperty({ example: 'RU-FZ-EPB' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'residentUnitCode must be 1-32 letters, digits or dashes' })
  residentUnitCode!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  present!: boolean;

  @ApiPropertyOptional({ example: '王建国' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  representative?: string;
}

export class RecordJointMeetingRequest {
  @ApiProperty({ example: '2026-06-18' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ example: '老旧小区加装电梯协调' })
  @IsString()
  @Length(1, 200)
  topic!: string;

  @ApiProperty({ type: [MeetingAttendanceRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MeetingAttendanceRequest)
  attendance!: MeetingAttendanceRequest[];

  @ApiProperty({ type: [String], example: ['供电公司负责线路改造评估'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  resolutions!: string[];
}
