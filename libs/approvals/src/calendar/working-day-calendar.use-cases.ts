import type { Transaction } from '@jianfu/platform';
import { DomainError } from '@jianfu/platform';
import { calendarYearsFrom, type WorkingDayCalendarSnapshot } from '../workflow/working-days.js';
import { type NamedCalendarDay, type NationalArrangement, statutoryArrangement } from './chinese-days-source.js';
import { WorkingDayCalendarErrors } from './working-day-calendar.errors.js';
import type { WorkingDayCalendarRepository } from './working-day-calendar.repository.js';
import { validateArrangement } from './working-day-calendar.rules.js';

/** A year as deadlines count it: `published` once its arrangement is loaded, else `statutory` (provisional). */
export interface CalendarYear extends NationalArrangement {
  status: 'published' | 'statutory';
  loadedBy?: string;
  loadedAt?: Date;
}

export async function readCalendarYear(
  tx: Transaction,
  repository: WorkingDayCalendarRepository,
  year: number,
): Promise<CalendarYear> {
  const loaded = await repository.findYear(tx, year);
  return loaded ? { ...loaded, status: 'published' } : { ...statutoryArrangement(year), status: 'statutory' };
}

const sameDays = (a: NamedCalendarDay[], b: NamedCalendarDay[]) =>
  JSON.stringify(a.map((d) => [d.date, d.name])) === JSON.stringify(b.map((d) => [d.date, d.name]));

/**
 * Loads a year's national arrangement once. Loading the same days again is answered with the stored year and
 * has no effect; other days for a year already published are refused, since steps opened since have counted by it.
 */
export async function loadCalendarYear(
  tx: Transaction,
  repository: WorkingDayCalendarRepository,
  arrangement: NationalArrangement,
  loadedBy: string,
): Promise<CalendarYear> {
  const byDate = (days: NamedCalendarDay[]) => [...days].sort((a, b) => a.date.localeCompare(b.date));
  const sorted = { ...arrangement, holidays: byDate(arrangement.holidays), workdays: byDate(arrangement.workdays) };
  validateArrangement(sorted.year, sorted.holidays, sorted.workdays);
  await repository.insertYear(tx, sorted, loadedBy);
  const stored = (await repository.findYear(tx, sorted.year))!;
  if (!sameDays(stored.holidays, sorted.holidays) || !sameDays(stored.workdays, sorted.workdays)) {
    throw DomainError.of(
      WorkingDayCalendarErrors['working-day-calendar.year-already-published'],
      `${sorted.year} already has a published arrangement (${stored.source}) with other days`,
      { year: sorted.year },
    );
  }
  return { ...stored, status: 'published' };
}

/**
 * The snapshot a step opening at `at` loads (its district's year then, China time, and the next): for an owner's own
 * activity that runs just before the first step to hand over (`ApprovalFlow.useCalendar`), one local activity fewer.
 */
export function stepCalendarSnapshot(
  tx: Transaction,
  repository: WorkingDayCalendarRepository,
  districtCode: string,
  at: number = Date.now(),
): Promise<WorkingDayCalendarSnapshot> {
  return calendarSnapshot(tx, repository, { districtCode, years: calendarYearsFrom(at) });
}

/** What a workflow step counts its deadline by: the district's days and each year's arrangement or statutory days. */
export async function calendarSnapshot(
  tx: Transaction,
  repository: WorkingDayCalendarRepository,
  request: { districtCode: string; years: number[] },
): Promise<WorkingDayCalendarSnapshot> {
  const years = [...new Set(request.years)].sort((a, b) => a - b);
  if (years.length === 0) return { districtCode: request.districtCode, years: [], districtDays: [] };
  const stored = await repository.snapshotRows(tx, request.districtCode, years);
  const loaded = new Map(stored.years.map((year) => [year.year, year]));
  const arrangements = years.map((year) => {
    const published = loaded.get(year);
    if (published) {
      const { holidays, workdays, source } = published;
      return { year, holidays, workdays, arrangementPublished: true, source };
    }
    const statutory = statutoryArrangement(year);
    return {
      year,
      holidays: statutory.holidays.map((day) => day.date),
      workdays: statutory.workdays.map((day) => day.date),
      arrangementPublished: false,
      source: statutory.source,
    };
  });
  return { districtCode: request.districtCode, years: arrangements, districtDays: stored.districtDays };
}
