import { describe, expect, it } from '@jest/globals';
import { rankCandidates, type RankableCandidate, scoreDropReason, toTenths } from './candidate-ranking.js';

function candidate(
  no: string,
  written: number,
  interview: number,
  appliedAt = '2026-03-01T08:00:00Z',
): RankableCandidate {
  return {
    applicationId: `app-${no}`,
    communityId: 'c-1',
    candidateNo: no,
    appliedAt,
    writtenTenths: toTenths(written),
    interviewTenths: toTenths(interview),
  };
}

describe('rankCandidates', () => {
  it('ranks by the weighted total and proposes the best for the places', () => {
    const ranked = rankCandidates(
      [candidate('01', 80, 70), candidate('02', 70, 90), candidate('03', 90, 60)],
      40,
      new Map([['c-1', 2]]),
    );
    expect(ranked.map((entry) => [entry.candidateNo, entry.totalThousandths, entry.rank, entry.proposed])).toEqual([
      ['02', 82_000, 1, true],
      ['01', 74_000, 2, true],
      ['03', 72_000, 3, false],
    ]);
  });

  it('breaks ties by interview, then written, then application time, then candidate number', () => {
    const byInterview = rankCandidates([candidate('01', 80, 70), candidate('02', 70, 80)], 50, new Map([['c-1', 1]]));
    expect(byInterview.map((entry) => entry.candidateNo)).toEqual(['02', '01']);
    const byTime = rankCandidates(
      [candidate('01', 75, 75, '2026-03-02T08:00:00Z'), candidate('02', 75, 75, '2026-03-01T08:00:00Z')],
      50,
      new Map([['c-1', 1]]),
    );
    expect(byTime.map((entry) => entry.candidateNo)).toEqual(['02', '01']);
    const byNumber = rankCandidates([candidate('07', 75, 75), candidate('03', 75, 75)], 50, new Map([['c-1', 1]]));
    expect(byNumber.map((entry) => [entry.candidateNo, entry.proposed])).toEqual([
      ['03', true],
      ['07', false],
    ]);
  });

  it('ranks each community for its own places', () => {
    const other = { ...candidate('09', 60, 60), communityId: 'c-2' };
    const ranked = rankCandidates(
      [candidate('01', 90, 90), other],
      50,
      new Map([
        ['c-1', 1],
        ['c-2', 1],
      ]),
    );
    expect(ranked.map((entry) => [entry.candidateNo, entry.rank, entry.proposed])).toEqual([
      ['01', 1, true],
      ['09', 1, true],
    ]);
  });
});

describe('scoreDropReason', () => {
  it('drops a score below the pass mark, naming both', () => {
    expect(scoreDropReason('笔试', 595, 600)).toBe('笔试成绩 59.5 低于合格分数线 60');
    expect(scoreDropReason('面试', 600, 600)).toBeNull();
  });
});
