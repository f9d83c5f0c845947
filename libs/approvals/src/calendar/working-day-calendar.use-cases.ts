import type { Transaction } from '@jianfu/platform';
import { DomainError } from '@jianfu/platform';
import type { WorkingDayCalendarSnapshot } from '../workflow/working-days.js';
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

/** What a workflow step counts its deadline by: the district's days and each year's arrangement or statutory days. */
export async function calendarSnapshot(
  tx: Transaction,
  repository: WorkingDayCalendarRepository,
  request: { districtCode: string; years: number[] },
): Promise<WorkingDayCalendarSnapshot> {
  const years = [...new Set(request.years)].sort((a, b) => a - b);
  const arrangements = [];
  for (const year of years) {
    const calendarYear = await readCalendarYear(tx, repository, year);
    arrangements.push({
      year,
      holidays: calendarYear.holidays.map((day) => day.date),
      workdays: calendarYear.workdays.map((day) => day.date),
      arrangementPublished: calendarYear.status === 'published',
      source: calendarYear.source,
    });
  }
  const districtDays =
    years.length === 0
      ? []
      : (
          await repository.districtDays(tx, request.districtCode, {
            from: `${years[0]}-01-01`,
            to: `${years[years.length - 1]}-12-31`,
            offset: 0,
            limit: 10_000,
          })
        ).items.map(({ date, kind }) => ({ date, kind }));
  return { districtCode: request.districtCode, years: arrangements, districtDays };
}
