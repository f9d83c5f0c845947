import { describe, expect, it } from '@jest/globals';
import { diffPolicyDocuments } from './policy-diff.js';
import { PolicyDocumentChecks } from './policy-kind.js';

describe('PolicyDocumentChecks', () => {
  it('collects every broken rule with its field, not only the first', () => {
    const checks = new PolicyDocumentChecks({ quota: 120, table: { low: 5, high: 3 }, extra: true });
    checks.object('', ['quota', 'table', 'mode']);
    checks.integer('quota', { min: 0, max: 100, rule: 'percent-at-most-100' });
    checks.oneOf('mode', ['a', 'b']);
    checks.object('table', ['low', 'high']);
    checks.descending(
      [
        ['table.high', checks.integer('table.high', { min: 0, max: 10 })],
        ['table.low', checks.integer('table.low', { min: 0, max: 10 })],
      ],
      'rises',
      'Higher never less',
    );
    expect(checks.violations.map(({ field, rule }) => [field, rule])).toEqual([
      ['extra', 'unknown-field'],
      ['quota', 'percent-at-most-100'],
      ['mode', 'required'],
      ['table.low', 'rises'],
    ]);
  });

  it('refuses a value of the wrong type and a document that is not an object', () => {
    const checks = new PolicyDocumentChecks({ days: 1.5 });
    checks.integer('days', { min: 1, max: 60 });
    expect(checks.violations).toEqual([expect.objectContaining({ field: 'days', rule: 'integer' })]);
    const notObject = new PolicyDocumentChecks([1, 2]);
    expect(notObject.object('', ['a'])).toBe(false);
    expect(notObject.violations).toEqual([expect.objectContaining({ field: 'document', rule: 'object' })]);
  });
});

describe('diffPolicyDocuments', () => {
  it('lists the leaves that differ, in path order, absent ones as null', () => {
    expect(
      diffPolicyDocuments({ a: 1, table: { x: 1, y: 2 }, gone: 'old' }, { a: 1, table: { x: 1, y: 3 }, added: [1] }),
    ).toEqual([
      { path: 'added', from: null, to: [1] },
      { path: 'gone', from: 'old', to: null },
      { path: 'table.y', from: 2, to: 3 },
    ]);
    expect(diffPolicyDocuments({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
