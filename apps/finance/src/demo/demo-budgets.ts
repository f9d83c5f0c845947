/**
 * The demo district's (鼓楼区, 350102) yearly department budgets for community work, in fen, by the
 * department codes organization's demo district registers. The figures are of the order the seeds
 * report for a district of 69 communities: civil affairs and health carry the most community work.
 */
export const demoDistrictCode = '350102';

export const demoDepartmentBudgets: { code: string; approvedFen: number }[] = [
  { code: 'GL-ZZB', approvedFen: 150_000_000 },
  { code: 'GL-MZJ', approvedFen: 300_000_000 },
  { code: 'GL-WJW', approvedFen: 240_000_000 },
  { code: 'GL-RSJ', approvedFen: 180_000_000 },
  { code: 'GL-CZJ', approvedFen: 60_000_000 },
  { code: 'GL-JYJ', approvedFen: 120_000_000 },
  { code: 'GL-ZJJ', approvedFen: 100_000_000 },
  { code: 'GL-SCJGJ', approvedFen: 80_000_000 },
  { code: 'GL-SFJ', approvedFen: 70_000_000 },
  { code: 'GL-GAFJ', approvedFen: 90_000_000 },
  { code: 'GL-CGJ', approvedFen: 110_000_000 },
  { code: 'GL-YJJ', approvedFen: 80_000_000 },
  { code: 'GL-WTLJ', approvedFen: 90_000_000 },
  { code: 'GL-TJJ', approvedFen: 40_000_000 },
  { code: 'GL-TYJRJ', approvedFen: 60_000_000 },
  { code: 'GL-XFJ', approvedFen: 50_000_000 },
];

/** 社区基本运转经费: 45,000 yuan per community per year (raised from 25,000, seeds). */
export const demoBaseStandardFen = 4_500_000;
