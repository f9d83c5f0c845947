import { describe, expect, it } from '@jest/globals';
import { addDemands, chinaMonthOf, emptyMonth, kindOfViolationReason, sumMonths } from './community-demand.js';

describe('demands on communities', () => {
  it('reads what a v1 violation refused from the code in front of its reason', () => {
    expect(kindOfViolationReason('seal.matter-not-listed: 不在清单（为张三盖章）')).toBe('seal');
    expect(kindOfViolationReason('plaque.limit-reached: 第四块牌匾')).toBe('plaque');
    expect(kindOfViolationReason('ledger.not-allowed: 不允许的台账')).toBe('ledger');
    expect(kindOfViolationReason('meeting.refused-by-community: 线下会议')).toBe('meeting');
    expect(kindOfViolationReason('gate.not-funded: 经费未到位')).toBe('task');
    expect(kindOfViolationReason('gate.refused-by-community: 线下摊派')).toBe('task');
    expect(kindOfViolationReason('未经准入向社区摊派台账')).toBe('task');
  });

  it('counts a demand in the China month it arrived', () => {
    expect(chinaMonthOf('2026-05-31T16:30:00Z')).toBe('2026-06');
    expect(chinaMonthOf('2026-05-31T15:59:59Z')).toBe('2026-05');
  });

  it('adds each kind and outcome, meeting hours and refusals, and sums communities into a street', () => {
    const month = emptyMonth('2026-06');
    addDemands(month, { kind: 'meeting', outcome: 'admitted', count: 2, hours: 1.1 });
    addDemands(month, { kind: 'meeting', outcome: 'admitted', count: 1, hours: 0.2 });
    addDemands(month, { kind: 'seal', outcome: 'refused', count: 1, hours: 0 });
    expect(month).toMatchObject({
      meetings: { admitted: 3, refused: 0, hours: 1.3 },
      seals: { refused: 1 },
      violations: 1,
    });
    const street = emptyMonth('2026-06');
    sumMonths(street, month);
    sumMonths(street, month);
    expect(street).toMatchObject({ meetings: { admitted: 6, hours: 2.6 }, violations: 2 });
  });
});
