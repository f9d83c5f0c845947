import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DistrictDay } from './working-day-calendar.repository.js';
import type { CalendarYear } from './working-day-calendar.use-cases.js';

export class CalendarDayResponse {
  @ApiProperty({ example: '2027-02-05' })
  date!: string;

  @ApiProperty({ example: '春节' })
  name!: string;
}

/** A year of the national working-day calendar as deadlines count it. */
export class WorkingDayCalendarYearResponse {
  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({
    enum: ['published', 'statutory'],
    description:
      'published: the State Council arrangement is loaded; statutory: only the statutory days, deadlines are provisional',
  })
  status!: 'published' | 'statutory';

  @ApiProperty({ example: 'npm chinese-days@1.5.7 (国务院办公厅 放假安排)' })
  source!: string;

  @ApiProperty({ type: [CalendarDayResponse] })
  holidays!: CalendarDayResponse[];

  @ApiProperty({ type: [CalendarDayResponse] })
  workdays!: CalendarDayResponse[];

  @ApiPropertyOptional({ description: 'Who loaded it (`seed` for the package seed)' })
  loadedBy?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  loadedAt?: Date;
}

export class DistrictCalendarDayResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ example: '2027-03-11' })
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'] })
  kind!: 'holiday' | 'workday';

  @ApiProperty()
  name!: string;

  @ApiProperty()
  setBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  setAt!: Date;
}

export function toWorkingDayCalendarYearResponse(year: CalendarYear): WorkingDayCalendarYearResponse {
  return {
    year: year.year,
    status: year.status,
    source: year.source,
    holidays: year.holidays,
    workdays: year.workdays,
    ...(year.loadedBy ? { loadedBy: year.loadedBy } : {}),
    ...(year.loadedAt ? { loadedAt: year.loadedAt } : {}),
  };
}

export function toDistrictCalendarDayResponse(day: DistrictDay): DistrictCalendarDayResponse {
  return { ...day };
}
