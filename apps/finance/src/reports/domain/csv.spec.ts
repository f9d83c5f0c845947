import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';
import { reportPeriod } from './report-period.js';

describe('toCsv', () => {
  it('quotes cells holding commas, quotes or line breaks, and starts with a BOM', () => {
    expect(
      toCsv(
        ['名称', 'fen'],
        [
          ['三坊七巷, "南街"', 12],
          ['a\nb', null],
        ],
      ),
    ).toBe('\uFEFF名称,fen\r\n"三坊七巷, ""南街""",12\r\n"a\nb",\r\n');
  });
});

describe('reportPeriod', () => {
  it('reads a year in China time and an inclusive range of days', () => {
    expect(reportPeriod({ year: '2026' })).toEqual({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(reportPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: new Date('2026-02-28T16:00:00Z'),
      to: new Date('2026-03-31T16:00:00Z'),
    });
  });

  it('refuses a mixed, malformed or backward period', () => {
    for (const query of [
      { year: '2026', from: '2026-01-01' },
      { from: '2026-01-01' },
      { from: '2026-02-01', to: '2026-01-01' },
      { year: '20x6' },
    ]) {
      expect(() => reportPeriod(query)).toThrow(expect.objectContaining({ code: 'report.period', status: 400 }));
    }
  });
});
