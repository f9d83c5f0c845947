import { describe, expect, it } from '@jest/globals';
import { type PowerItem, powerItemProblems } from './power-item.js';

const item = (code: string, status: PowerItem['status'], decisionDocument: string | null = null): PowerItem => ({
  code,
  name: `事项 ${code}`,
  status,
  decisionDocument,
});

describe('powerItemProblems', () => {
  it('accepts kept items without a decision and changed items with one', () => {
    expect(powerItemProblems([item('QL-1', 'kept'), item('QL-2', 'cancelled', '鼓政〔2016〕12号')])).toEqual([]);
  });

  it('names each repeated code and each change without its decision document by its place', () => {
    expect(
      powerItemProblems([item('QL-1', 'kept'), item('QL-1', 'devolved-to-street'), item('QL-3', 'cancelled')]),
    ).toEqual([
      { field: 'items[1].code', rule: 'unique', message: 'code QL-1 appears twice' },
      {
        field: 'items[1].decisionDocument',
        rule: 'decision-required',
        message: 'a devolved-to-street item names the decision document that devolved-to-street it',
      },
      {
        field: 'items[2].decisionDocument',
        rule: 'decision-required',
        message: 'a cancelled item names the decision document that cancelled it',
      },
    ]);
  });
});
