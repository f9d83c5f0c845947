import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, chinaDate, chinaWorkingDayCalendar, workingDaysBetween } from './working-days.js';

const calendar = chinaWorkingDayCalendar();
const at = (iso: string) => Date.parse(iso);

describe('Chinese working-day calendar', () => {
  it('takes statutory holidays off and works the make-up days of 2026', () => {
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // 国庆, a Thursday
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false); // 国庆 in lieu, a Wednesday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // make-up Sunday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // 春节 make-up Saturday
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // 春节, a Monday
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // 元旦 make-up Sunday
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true); // an ordinary Monday
  });

  it('knows the statutory days of 2027 before its arrangement is published, and takes a published one', () => {
    expect(calendar.hasPublishedArrangement(2026)).toBe(true);
    expect(calendar.hasPublishedArrangement(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // 正月初三, a Monday
    expect(calendar.isWorkingDay('2027-09-15')).toBe(false); // 中秋, a Wednesday
    expect(calendar.isWorkingDay('2027-02-20')).toBe(false); // a Saturday: no make-up day known yet

    const published = chinaWorkingDayCalendar([
      {
        year: 2027,
        source: 'test arrangement',
        arrangementPublished: true,
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'],
        workdays: ['2027-02-20'],
      },
    ]);
    expect(published.hasPublishedArrangement(2027)).toBe(true);
    expect(published.isWorkingDay('2027-02-10')).toBe(false);
    expect(published.isWorkingDay('2027-02-20')).toBe(true);
    // The replaced year keeps only its new data: 元旦 2027 is not in this test arrangement.
    expect(published.isWorkingDay('2027-01-01')).toBe(true);
  });

  it('counts a deadline to 24:00 China time of the n-th working day after arrival', () => {
    // Arrives on a Friday evening (China time); Monday and Tuesday are days 1 and 2.
    expect(addWorkingDays(calendar, at('2026-11-20T18:00:00+08:00'), 2).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    // Friday 2026-09-18 + 3: Sunday 09-20 is a make-up workday (1), Monday (2), Tuesday (3).
    expect(addWorkingDays(calendar, at('2026-09-18T10:00:00+08:00'), 3).toISOString()).toBe('2026-09-22T16:00:00.000Z');
    // Across 国庆 2026: 09-30 + 1 → 10-08 (10-01..07 off); + 2 → 10-09; + 3 → 10-10 (make-up Saturday).
    expect(chinaDate(addWorkingDays(calendar, at('2026-09-30T09:00:00+08:00'), 1).getTime() - 1)).toBe('2026-10-08');
    expect(chinaDate(addWorkingDays(calendar, at('2026-09-30T09:00:00+08:00'), 3).getTime() - 1)).toBe('2026-10-10');
    // Across 春节 2026: Friday 02-13 + 1 → Saturday 02-14 (make-up), + 2 → 02-24 (holiday 15–23).
    expect(chinaDate(addWorkingDays(calendar, at('2026-02-13T09:00:00+08:00'), 2).getTime() - 1)).toBe('2026-02-24');
    // Across the new year into 2027: 12-31 (Thursday) + 1 → 2027-01-04 (元旦 Friday off, weekend off).
    expect(chinaDate(addWorkingDays(calendar, at('2026-12-31T09:00:00+08:00'), 1).getTime() - 1)).toBe('2027-01-04');
  });

  it('reads dates in China time, not UTC', () => {
    // 2026-10-09T17:00Z is already Saturday 10-10 (a make-up workday) in China.
    expect(chinaDate(at('2026-10-09T17:00:00Z'))).toBe('2026-10-10');
    expect(addWorkingDays(calendar, at('2026-10-09T17:00:00Z'), 0).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });

  it('counts the working days between two instants', () => {
    expect(workingDaysBetween(calendar, at('2026-09-30T09:00:00+08:00'), at('2026-10-12T09:00:00+08:00'))).toBe(4);
    expect(workingDaysBetween(calendar, at('2026-11-23T09:00:00+08:00'), at('2026-11-23T18:00:00+08:00'))).toBe(0);
    expect(workingDaysBetween(calendar, at('2026-11-23T09:00:00+08:00'), at('2026-11-20T09:00:00+08:00'))).toBe(0);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(calendar, 0, -1)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, 0, 1.5)).toThrow(RangeError);
  });
});
