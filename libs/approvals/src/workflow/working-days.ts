import { chinaHolidayArrangements, type YearArrangement } from './china-holidays.js';

/** China has one time zone and no daylight saving: working days are counted in UTC+8. */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

export interface WorkingDayCalendar {
  /** Whether the ISO date (YYYY-MM-DD, China time) is a working day. */
  isWorkingDay(isoDate: string): boolean;
  /** Whether the year's 调休 arrangement is known; outside it only weekends and statutory days are off. */
  hasPublishedArrangement(year: number): boolean;
}

/**
 * The Chinese working-day calendar: Monday–Friday, minus statutory holidays, plus make-up workdays.
 * `extra` arrangements replace the shipped data for their year. The shipped table is frozen: it is what steps
 * opened before the calendar became data computed by, so their histories replay; new steps take their calendar
 * from the database through an activity (`calendarFromSnapshot`).
 */
export function chinaWorkingDayCalendar(extra: readonly YearArrangement[] = []): WorkingDayCalendar {
  return chinaWorkingDayCalendarOf([...chinaHolidayArrangements, ...extra]);
}

function chinaWorkingDayCalendarOf(arrangements: readonly YearArrangement[]): WorkingDayCalendar {
  const byYear = new Map<number, YearArrangement>();
  for (const arrangement of arrangements) byYear.set(arrangement.year, arrangement);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const arrangement of byYear.values()) {
    arrangement.holidays.forEach((day) => holidays.add(day));
    arrangement.workdays.forEach((day) => workdays.add(day));
  }
  return {
    isWorkingDay(isoDate) {
      if (workdays.has(isoDate)) return true;
      if (holidays.has(isoDate)) return false;
      const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
    hasPublishedArrangement(year) {
      return byYear.get(year)?.arrangementPublished ?? false;
    },
  };
}

/** A day a district keeps off, or works, beyond the national arrangement (e.g. a local festival). */
export interface DistrictCalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
}

/**
 * The calendar a workflow step computes its deadline by, as an activity returned it: recorded in the
 * workflow's history, so a replay computes the same deadline whatever was loaded into the database since.
 */
export interface WorkingDayCalendarSnapshot {
  districtCode: string;
  /** The years asked for: the published arrangement where loaded, else the statutory days (`arrangementPublished: false`). */
  years: YearArrangement[];
  districtDays: DistrictCalendarDay[];
}

/**
 * The calendar of a snapshot alone (the shipped table is not consulted): a district's own days first,
 * then the national arrangement, then the week. A year the snapshot lacks counts weekends only and is
 * not published.
 */
export function calendarFromSnapshot(snapshot: WorkingDayCalendarSnapshot): WorkingDayCalendar {
  const national = chinaWorkingDayCalendarOf(snapshot.years);
  const district = new Map(snapshot.districtDays.map((day) => [day.date, day.kind]));
  return {
    isWorkingDay(isoDate) {
      const own = district.get(isoDate);
      if (own) return own === 'workday';
      return national.isWorkingDay(isoDate);
    },
    hasPublishedArrangement: (year) => national.hasPublishedArrangement(year),
  };
}

/** True when any year from `from`'s to `to`'s (China time) lacks a published arrangement. */
export function isProvisionalBetween(calendar: WorkingDayCalendar, from: number, to: number): boolean {
  const last = Number(chinaDate(to).slice(0, 4));
  for (let year = Number(chinaDate(from).slice(0, 4)); year <= last; year += 1) {
    if (!calendar.hasPublishedArrangement(year)) return true;
  }
  return false;
}

/** The China-time calendar date of an instant. */
export function chinaDate(instant: number | Date): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The years a step opening at `at` counts its deadline in: that year (China time) and the next. */
export function calendarYearsFrom(at: number): [number, number] {
  const year = Number(chinaDate(at).slice(0, 4));
  return [year, year + 1];
}

/** 00:00 China time of an ISO date, as epoch milliseconds. */
export function startOfChinaDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) - CHINA_UTC_OFFSET_MS;
}

function nextDate(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The deadline of `days` working days counted from an instant: 24:00 China time of the `days`-th working
 * day after the instant's own day (the day something arrives does not count, as in 3个工作日内办结).
 */
export function addWorkingDays(calendar: WorkingDayCalendar, from: number | Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let date = chinaDate(from);
  if (days === 0) return new Date(startOfChinaDay(nextDate(date)));
  let counted = 0;
  while (counted < days) {
    date = nextDate(date);
    if (calendar.isWorkingDay(date)) counted += 1;
  }
  return new Date(startOfChinaDay(nextDate(date)));
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 when `to` is not later). */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: number | Date, to: number | Date): number {
  const last = chinaDate(to);
  let date = chinaDate(from);
  let count = 0;
  while (date < last) {
    date = nextDate(date);
    if (calendar.isWorkingDay(date)) count += 1;
  }
  return count;
}
