import { DomainError } from '@jianfu/platform';
import type { NamedCalendarDay } from './chinese-days-source.js';
import { WorkingDayCalendarErrors } from './working-day-calendar.errors.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (2027-02-30 is not) of the given year. */
export function isDateOfYear(date: string, year: number): boolean {
  if (!isoDate.test(date) || Number(date.slice(0, 4)) !== year) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The rules a year's arrangement must keep before it is loaded: real dates of that year, each day once, at least
 * one holiday, make-up workdays only on weekends, and no day both off and worked. Each refusal names the rule.
 */
export function validateArrangement(year: number, holidays: NamedCalendarDay[], workdays: NamedCalendarDay[]): void {
  const refuse = (code: keyof typeof WorkingDayCalendarErrors, message: string, date: string) => {
    throw DomainError.of(WorkingDayCalendarErrors[code], message, { date, year });
  };
  if (holidays.length === 0) {
    throw DomainError.of(WorkingDayCalendarErrors['working-day-calendar.no-holidays'], `${year} lists no holiday`);
  }
  for (const [list, days] of [
    ['holidays', holidays],
    ['workdays', workdays],
  ] as const) {
    const seen = new Set<string>();
    for (const { date } of days) {
      if (!isDateOfYear(date, year)) {
        refuse('working-day-calendar.date-outside-year', `${list}: ${date} is not a date of ${year}`, date);
      }
      if (seen.has(date)) refuse('working-day-calendar.day-listed-twice', `${list}: ${date} is listed twice`, date);
      seen.add(date);
    }
  }
  const off = new Set(holidays.map((day) => day.date));
  for (const { date } of workdays) {
    if (off.has(date)) {
      refuse(
        'working-day-calendar.day-both-holiday-and-workday',
        `${date} is both a holiday and a make-up workday: a day is either off or worked`,
        date,
      );
    }
    if (!isWeekend(date)) {
      refuse(
        'working-day-calendar.workday-not-on-weekend',
        `${date} is a weekday: a make-up workday falls on a weekend`,
        date,
      );
    }
  }
}
