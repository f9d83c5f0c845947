import { describe, expect, it } from '@jest/globals';
import { annualBonusBatch, honourAwardBatch, monthlyBonusBatch, payoutTransfers } from './payout-batch.js';

const cycleId = '0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const communityId = 'c2a1e5d0-7c1b-4a7e-8d4c-3b2a1f0e9d88';

describe('payout batches', () => {
  it('pays each graded worker their bonus, nobody for 不合格, keyed per worker and cycle', () => {
    const batch = monthlyBonusBatch({
      cycleId,
      communityId,
      month: '2026-03',
      grades: [
        { workerId: 'w-1', grade: 'excellent', bonusFen: 130_000 },
        { workerId: 'w-2', grade: 'unqualified', bonusFen: 0 },
      ],
      totalBonusFen: 130_000,
      finalisedAt: '2026-04-02T08:00:00Z',
    });
    expect(batch).toMatchObject({ id: `monthly-${cycleId}-${communityId}`, period: '2026-03', totalFen: 130_000 });
    expect(batch.lines).toEqual([{ workerId: 'w-1', amountFen: 130_000, transferId: `bonus:${cycleId}:w-1` }]);
    const [transfer] = payoutTransfers(batch, '350102');
    expect(transfer.postings).toEqual([
      { account: expect.objectContaining({ id: 'treasury:350102' }), amountFen: -130_000 },
      { account: expect.objectContaining({ id: 'worker:w-1:payout' }), amountFen: 130_000 },
    ]);
  });

  it('names a street-wide cycle’s batches per community, and still pays each worker once per cycle', () => {
    const otherCommunityId = 'd3b2f6e1-8d2c-4b8f-9e5d-4c3b2a1f0e99';
    const finalised = (community: string, workerId: string) =>
      monthlyBonusBatch({
        cycleId,
        communityId: community,
        month: '2026-03',
        grades: [{ workerId, grade: 'good', bonusFen: 110_000 }],
        totalBonusFen: 110_000,
        finalisedAt: '2026-04-02T08:00:00Z',
      });
    const first = finalised(communityId, 'w-1');
    const second = finalised(otherCommunityId, 'w-2');
    expect(first.id).not.toBe(second.id);
    expect([first.legacyId, second.legacyId]).toEqual([`monthly-${cycleId}`, `monthly-${cycleId}`]);
    expect(second.lines).toEqual([{ workerId: 'w-2', amountFen: 110_000, transferId: `bonus:${cycleId}:w-2` }]);
    // A worker's payment does not depend on the community it is announced with.
    expect(finalised(otherCommunityId, 'w-1').lines[0].transferId).toBe(first.lines[0].transferId);
  });

  it('keys annual bonuses by their own cycle and an award by its id', () => {
    const annual = annualBonusBatch({
      cycleId,
      communityId,
      year: 2026,
      grades: [{ workerId: 'w-1', grade: 'good', bonusFen: 180_000 }],
      totalBonusFen: 180_000,
      finalisedAt: '2027-01-10T08:00:00Z',
    });
    expect(annual).toMatchObject({ id: `annual-${cycleId}-${communityId}`, kind: 'annual-bonus', period: '2026' });
    const award = honourAwardBatch({
      awardId: 'a-1',
      workerId: 'w-3',
      communityId,
      level: 'national',
      title: '全国优秀社区工作者',
      amountFen: 1_000_000,
      awardedAt: '2026-05-01T00:00:00Z',
    });
    expect(award).toMatchObject({ id: 'honour-a-1', totalFen: 1_000_000 });
    expect(award.lines).toEqual([{ workerId: 'w-3', amountFen: 1_000_000, transferId: 'award:a-1' }]);
  });
});
