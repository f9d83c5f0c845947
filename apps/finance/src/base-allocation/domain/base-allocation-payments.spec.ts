import { describe, expect, it } from '@jest/globals';
import { basePaymentFor } from './base-allocation-payments.js';

describe('base allocation payments', () => {
  const plan = { districtCode: '350102', year: 2026, amountFen: 4_500_000 };
  const topUp = { ...plan, topUp: { topUpId: 't-1', reason: '区委常委会决定提标' } };

  it('pays an unpaid community the standard, and nothing to one already paid in a plain run', () => {
    expect(basePaymentFor(plan, 'c-1', 0)).toMatchObject({
      kind: 'allocation',
      transfer: { id: 'base:2026:c-1', purpose: 'base-allocation', reference: 'base:350102:2026' },
    });
    expect(basePaymentFor(plan, 'c-1', 2_500_000)).toBeNull();
  });

  it('tops a community paid at the old standard up by the difference only, once per raised standard', () => {
    const payment = basePaymentFor(topUp, 'c-1', 2_500_000);
    expect(payment).toMatchObject({
      kind: 'top-up',
      transfer: { id: 'base-top-up:2026:c-1:4500000', purpose: 'base-top-up', memo: '区委常委会决定提标' },
    });
    expect(payment!.transfer.postings.map((p) => p.amountFen)).toEqual([-2_000_000, 2_000_000]);
    expect(basePaymentFor(topUp, 'c-1', 4_500_000)).toBeNull();
    expect(basePaymentFor(topUp, 'c-2', 0)).toMatchObject({ kind: 'allocation' });
  });
});
