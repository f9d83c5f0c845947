import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCalendarYear, PageQuery } from '@jianfu/platform';

const isoDatePattern = /^(20\d\d|2100)-\d\d-\d\d$/;

export class CalendarYearParams {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2027 })
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}

export class CalendarDayRequest {
  @ApiProperty({ example: '2027-02-05', description: 'A date of the year loaded (YYYY-MM-DD)' })
  @IsString()
  @Matches(isoDatePattern)
  date!: string;

  @ApiProperty({ example: '春节' })
  @IsString()
  @Length(1, 50)
  name!: string;
}

/** A year's arrangement as the State Council General Office publishes it (国办发明电). */
export class LoadCalendarYearRequest {
  @ApiProperty({ example: '国办发明电〔2026〕号', description: 'The notice the arrangement comes from' })
  @IsString()
  @Length(1, 200)
  source!: string;

  @ApiProperty({ type: [CalendarDayRequest], description: 'Every day off, weekend days of a holiday block included' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayRequest)
  holidays!: CalendarDayRequest[];

  @ApiProperty({ type: [CalendarDayRequest], description: 'The make-up workdays (调休上班), each on a weekend' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayRequest)
  workdays!: CalendarDayRequest[];
}

export class DistrictCalendarParams {
  @ApiProperty({ example: '350102' })
  @IsString()
  @Length(1, 32)
  @Matches(/^[0-9A-Za-z-]+$/)
  districtCode!: string;
}

export class DistrictCalendarDayParams extends DistrictCalendarParams {
  @ApiProperty({ example: '2027-03-11', description: 'YYYY-MM-DD' })
  @IsString()
  @Matches(isoDatePattern)
  @IsISO8601({ strict: true })
  date!: string;
}

export class SetDistrictCalendarDayRequest {
  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday: the district is off; workday: it works' })
  @IsIn(['holiday', 'workday'])
  kind!: 'holiday' | 'workday';

  @ApiProperty({ example: '区级纪念日' })
  @IsString()
  @Length(1, 50)
  name!: string;
}

export class DistrictCalendarDaysQuery extends PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: 'Only this year' })
  @IsOptional()
  @Type(() => Number)
  @IsCalendarYear()
  year?: number;
}
