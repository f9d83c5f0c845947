import chineseDays from 'chinese-days';
import type { WorkingDayCalendarSnapshot } from '../workflow/working-days.js';

/** The npm package the national arrangements are seeded from, and the years it carries (1.5.7: 2004–2026). */
export const chineseDaysSource = 'npm chinese-days@1.5.7 (国务院办公厅 放假安排)';

export interface NamedCalendarDay {
  date: string;
  name: string;
}

export interface NationalArrangement {
  year: number;
  holidays: NamedCalendarDay[];
  workdays: NamedCalendarDay[];
  source: string;
}

const DAY_MS = 86_400_000;

function daysOf(year: number): string[] {
  const days: string[] = [];
  const end = Date.parse(`${year}-12-31T00:00:00Z`);
  for (let t = Date.parse(`${year}-01-01T00:00:00Z`); t <= end; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function shiftDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A year's published arrangement as the package carries it: every day off named by its festival (weekend days
 * folded into a holiday block included) and every make-up workday (调休上班). Undefined for a year it lacks.
 */
export function publishedArrangementFromPackage(year: number): NationalArrangement | undefined {
  const holidays: NamedCalendarDay[] = [];
  const workdays: NamedCalendarDay[] = [];
  for (const date of daysOf(year)) {
    const detail = chineseDays.getDayDetail(date);
    // A festival's name reads "English,中文,n"; an ordinary day carries only its weekday's English name.
    const [, chinese] = detail.name.split(',');
    if (!chinese) continue;
    (detail.work ? workdays : holidays).push({ date, name: chinese });
  }
  return holidays.length > 0 ? { year, holidays, workdays, source: chineseDaysSource } : undefined;
}

/** The years the package carries a published arrangement for, from `from` on. */
export function packagedYears(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = from; year <= to; year += 1) if (publishedArrangementFromPackage(year)) years.push(year);
  return years;
}

/**
 * The statutory days of 《全国年节及纪念日放假办法》 (2024 revision) for a year, from the lunar calendar and the
 * solar terms: 元旦, 春节 (除夕 to 初三), 清明, 劳动节 (5.1–5.2), 端午, 中秋, 国庆 (10.1–10.3). What a year
 * counts by until the State Council's arrangement (调休) is loaded: no weekend is worked, no block is joined.
 */
export function statutoryArrangement(year: number): NationalArrangement {
  const lunar = (monthDay: string) => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
  const springFestival = lunar('01-01');
  const qingming = chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === '清明');
  const holidays: NamedCalendarDay[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((offset) => ({ date: shiftDays(springFestival, offset), name: '春节' })),
    { date: qingming?.date ?? `${year}-04-05`, name: '清明' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar('05-05'), name: '端午' },
    { date: lunar('08-15'), name: '中秋' },
    ...['10-01', '10-02', '10-03'].map((monthDay) => ({ date: `${year}-${monthDay}`, name: '国庆节' })),
  ];
  // Two festivals may fall on one day (中秋 on 国庆 in 2028): one day off, both names.
  const byDate = new Map<string, string>();
  for (const day of holidays)
    byDate.set(day.date, byDate.has(day.date) ? `${byDate.get(day.date)}/${day.name}` : day.name);
  const days = [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  return { year, holidays: days, workdays: [], source: '《全国年节及纪念日放假办法》法定假日 (调休安排未载入)' };
}

/**
 * A step's calendar as the package alone gives it (published arrangement, else the statutory days), for
 * workers that run without a database: the `loadWorkingDayCalendar` activity of time-skipping tests.
 */
export function packagedCalendarSnapshot(request: {
  districtCode: string;
  years: number[];
}): WorkingDayCalendarSnapshot {
  return {
    districtCode: request.districtCode,
    years: [...new Set(request.years)]
      .sort((a, b) => a - b)
      .map((year) => {
        const published = publishedArrangementFromPackage(year);
        const arrangement = published ?? statutoryArrangement(year);
        return {
          year,
          holidays: arrangement.holidays.map((day) => day.date),
          workdays: arrangement.workdays.map((day) => day.date),
          arrangementPublished: published !== undefined,
          source: arrangement.source,
        };
      }),
    districtDays: [],
  };
}
