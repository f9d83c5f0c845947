import { describe, expect, it } from '@jest/globals';
import { fundingInstalments, instalmentFunding, instalmentStartsAt } from './funding-instalments.js';

describe('funding instalments', () => {
  it('cuts a period into calendar months, quarters or years, the first and last cut to the period', () => {
    expect(fundingInstalments('2026-11-15', '2027-02-10', 'month')).toEqual([
      { period: '2026-11', start: '2026-11-15', end: '2026-11-30' },
      { period: '2026-12', start: '2026-12-01', end: '2026-12-31' },
      { period: '2027-01', start: '2027-01-01', end: '2027-01-31' },
      { period: '2027-02', start: '2027-02-01', end: '2027-02-10' },
    ]);
    expect(fundingInstalments('2027-01-01', '2027-12-31', 'quarter').map((i) => [i.period, i.start, i.end])).toEqual([
      ['2027-Q1', '2027-01-01', '2027-03-31'],
      ['2027-Q2', '2027-04-01', '2027-06-30'],
      ['2027-Q3', '2027-07-01', '2027-09-30'],
      ['2027-Q4', '2027-10-01', '2027-12-31'],
    ]);
    expect(fundingInstalments('2027-01-01', '2027-12-31', 'year')).toEqual([
      { period: '2027', start: '2027-01-01', end: '2027-12-31' },
    ]);
    expect(fundingInstalments('2028-02-01', '2028-02-29', 'month')).toHaveLength(1);
  });

  it('splits each community’s amount into whole fen that add up exactly', () => {
    const funding = [
      { communityId: 'a', amountFen: 300000 },
      { communityId: 'b', amountFen: 10 },
    ];
    const shares = [0, 1, 2, 3].map((index) => instalmentFunding(funding, index, 4));
    expect(shares[0]).toEqual([
      { communityId: 'a', amountFen: 75000 },
      { communityId: 'b', amountFen: 3 },
    ]);
    expect(shares[3]).toEqual([
      { communityId: 'a', amountFen: 75000 },
      { communityId: 'b', amountFen: 2 },
    ]);
    for (const id of ['a', 'b']) {
      const total = shares
        .flat()
        .filter((line) => line.communityId === id)
        .reduce((sum, l) => sum + l.amountFen, 0);
      expect(total).toBe(funding.find((line) => line.communityId === id)!.amountFen);
    }
    expect(instalmentFunding([{ communityId: 'c', amountFen: 2 }], 2, 3)).toEqual([]);
  });

  it('starts an instalment at midnight China time of its first day', () => {
    expect(
      new Date(instalmentStartsAt({ period: '2027-01', start: '2027-01-01', end: '2027-01-31' })).toISOString(),
    ).toBe('2026-12-31T16:00:00.000Z');
  });
});
