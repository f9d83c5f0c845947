import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { NamedCalendarDay, NationalArrangement } from './chinese-days-source.js';

export interface LoadedArrangement extends NationalArrangement {
  loadedBy: string;
  loadedAt: Date;
}

export interface DistrictDay {
  districtCode: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  setBy: string;
  setAt: Date;
}

/** A step's calendar as stored: the loaded years' days by kind and the district's own days, each in date order. */
export interface CalendarSnapshotRows {
  years: { year: number; source: string; holidays: string[]; workdays: string[] }[];
  districtDays: { date: string; kind: 'holiday' | 'workday' }[];
}

interface DayRow {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

@Injectable()
export class WorkingDayCalendarRepository {
  /** The loaded national arrangement of a year, if any. */
  async findYear(tx: Transaction, year: number): Promise<LoadedArrangement | undefined> {
    const [row] = await queryRows<{ year: number; source: string; loadedBy: string; loadedAt: Date }>(
      tx,
      'SELECT year, source, loaded_by AS "loadedBy", loaded_at AS "loadedAt" FROM working_day_calendar_year WHERE year = $1',
      [year],
    );
    if (!row) return undefined;
    const days = await queryRows<DayRow>(
      tx,
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name FROM working_day_calendar_day WHERE year = $1 ORDER BY day`,
      [year],
    );
    const pick = (kind: DayRow['kind']): NamedCalendarDay[] =>
      days.filter((day) => day.kind === kind).map(({ date, name }) => ({ date, name }));
    return { ...row, holidays: pick('holiday'), workdays: pick('workday') };
  }

  /**
   * What a step's deadline counts by, in one round trip: the loaded arrangement of each year asked for (years not
   * loaded are absent) and the district's own days in those years, each in date order. Every step that opens reads
   * it, so it is one statement rather than a read per year plus a page and a count of the district's days.
   */
  async snapshotRows(tx: Transaction, districtCode: string, years: number[]): Promise<CalendarSnapshotRows> {
    const [row] = await queryRows<CalendarSnapshotRows>(
      tx,
      `SELECT
         (SELECT coalesce(json_agg(json_build_object(
                   'year', y.year,
                   'source', y.source,
                   'holidays', (SELECT coalesce(json_agg(to_char(d.day, 'YYYY-MM-DD') ORDER BY d.day), '[]')
                                  FROM working_day_calendar_day d WHERE d.year = y.year AND d.kind = 'holiday'),
                   'workdays', (SELECT coalesce(json_agg(to_char(d.day, 'YYYY-MM-DD') ORDER BY d.day), '[]')
                                  FROM working_day_calendar_day d WHERE d.year = y.year AND d.kind = 'workday')
                 ) ORDER BY y.year), '[]')
            FROM working_day_calendar_year y WHERE y.year = ANY($2::int[])) AS years,
         (SELECT coalesce(json_agg(json_build_object('date', to_char(c.day, 'YYYY-MM-DD'), 'kind', c.kind)
                   ORDER BY c.day), '[]')
            FROM district_calendar_day c
           WHERE c.district_code = $1 AND c.day BETWEEN $3::date AND $4::date) AS "districtDays"`,
      [districtCode, years, `${Math.min(...years)}-01-01`, `${Math.max(...years)}-12-31`],
    );
    return row;
  }

  /** Inserts a year's arrangement; false (nothing written) when the year was loaded already. */
  async insertYear(tx: Transaction, arrangement: NationalArrangement, loadedBy: string): Promise<boolean> {
    const inserted = await entityManagerOf(tx).query<unknown[]>(
      `INSERT INTO working_day_calendar_year (year, source, loaded_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO NOTHING RETURNING year`,
      [arrangement.year, arrangement.source, loadedBy],
    );
    if (inserted.length === 0) return false;
    for (const [kind, days] of [
      ['holiday', arrangement.holidays],
      ['workday', arrangement.workdays],
    ] as const) {
      await entityManagerOf(tx).query(
        `INSERT INTO working_day_calendar_day (day, year, kind, name)
         SELECT d::date, $1, $2, n FROM unnest($3::text[], $4::text[]) AS t(d, n)`,
        [arrangement.year, kind, days.map((day) => day.date), days.map((day) => day.name)],
      );
    }
    return true;
  }

  async setDistrictDay(tx: Transaction, day: Omit<DistrictDay, 'setAt'>): Promise<DistrictDay> {
    await entityManagerOf(tx).query(
      `INSERT INTO district_calendar_day (district_code, day, kind, name, set_by) VALUES ($1, $2::date, $3, $4, $5)
       ON CONFLICT (district_code, day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
         set_by = EXCLUDED.set_by, set_at = now()
         WHERE (district_calendar_day.kind, district_calendar_day.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)`,
      [day.districtCode, day.date, day.kind, day.name, day.setBy],
    );
    const page = await this.districtDays(tx, day.districtCode, { from: day.date, to: day.date, offset: 0, limit: 1 });
    return page.items[0];
  }

  /** A district's own days between two dates (inclusive), in date order, one page. */
  async districtDays(
    tx: Transaction,
    districtCode: string,
    range: { from: string; to: string; offset: number; limit: number },
  ): Promise<{ items: DistrictDay[]; total: number }> {
    const where = 'district_code = $1 AND day BETWEEN $2::date AND $3::date';
    const items = await queryRows<DistrictDay>(
      tx,
      `SELECT district_code AS "districtCode", to_char(day, 'YYYY-MM-DD') AS date, kind, name, set_by AS "setBy",
              set_at AS "setAt"
       FROM district_calendar_day WHERE ${where} ORDER BY day OFFSET $4 LIMIT $5`,
      [districtCode, range.from, range.to, range.offset, range.limit],
    );
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM district_calendar_day WHERE ${where}`,
      [districtCode, range.from, range.to],
    );
    return { items, total };
  }
}
