import { DomainError } from '@jianfu/platform';
import { ReportErrors } from './reports.errors.js';

export interface ReportPeriod {
  from: Date;
  to: Date;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Days and years are China time (UTC+8): a year's report runs from 1 January 00:00 Beijing time. */
function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * A report covers a year (`year=2026`) or a range of days (`from=2026-01-01&to=2026-06-30`, both
 * inclusive); neither means the current year.
 */
export function reportPeriod(query: { year?: string; from?: string; to?: string }, now = new Date()): ReportPeriod {
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined)) {
    throw DomainError.of(ReportErrors['report.period'], 'Give either year or from/to, not both');
  }
  if (query.from !== undefined || query.to !== undefined) {
    if (!query.from || !query.to || !isoDate.test(query.from) || !isoDate.test(query.to)) {
      throw DomainError.of(ReportErrors['report.period'], 'from and to must both be dates like 2026-01-31', {
        field: 'from',
      });
    }
    const from = chinaMidnight(query.from);
    const to = new Date(chinaMidnight(query.to).getTime() + 24 * 3600 * 1000);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw DomainError.of(ReportErrors['report.period'], 'from must be a valid date on or before to', {
        field: 'from',
      });
    }
    return { from, to };
  }
  const year =
    query.year === undefined ? Number(new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear()) : Number(query.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw DomainError.of(ReportErrors['report.period'], 'year must be between 2000 and 2100', { field: 'year' });
  }
  return { from: chinaMidnight(`${year}-01-01`), to: chinaMidnight(`${year + 1}-01-01`) };
}
