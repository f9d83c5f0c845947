import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';

export class JoinAllianceRequest {
  @ApiProperty({ example: 'RU-FZ-EPB' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'residentUnitCode must be 1-32 letters, digits or dashes' })
  residentUnitCode!: string;

  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDate()
  joinedOn!: string;
}
