/**
 * 全国年节及纪念日放假安排 as data: the days off (holidays, including the weekend days folded into a
 * holiday block) and the make-up workdays (调休上班) of each year. Data only, so it bundles into workflow code.
 * A year's arrangement is published by the State Council General Office each November; past years never change.
 */
export interface YearArrangement {
  year: number;
  /** ISO dates (YYYY-MM-DD) that are days off although they may fall on a weekday. */
  holidays: readonly string[];
  /** ISO dates that are working days although they fall on a weekend. */
  workdays: readonly string[];
  /** False while only the statutory days are known (no 调休 published yet). */
  arrangementPublished: boolean;
  source: string;
}

function range(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const chinaHolidayArrangements: readonly YearArrangement[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    arrangementPublished: true,
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国办发明电〔2025〕7号',
    arrangementPublished: true,
    holidays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    // The statutory days of 《全国年节及纪念日放假办法》 (2024 revision) fixed by the calendar: 元旦, 春节
    // (除夕 to 初三), 清明, 劳动节 (5.1–5.2), 端午, 中秋, 国庆 (10.1–10.3). The 调休 arrangement is added here
    // when published; until then weekends stay days off and no weekend is worked.
    year: 2027,
    source: '《全国年节及纪念日放假办法》法定假日 (调休安排未发布)',
    arrangementPublished: false,
    holidays: [
      '2027-01-01',
      ...range('2027-02-05', '2027-02-08'),
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      ...range('2027-10-01', '2027-10-03'),
    ],
    workdays: [],
  },
];
