import { describe, expect, it } from '@jest/globals';
import { findUnsafeInput, jsonDepthExceeds } from './input-safety.js';

const rules = { maxOffset: 1000, maxLimit: 100 };

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { child: value };
  return value;
}

describe('findUnsafeInput', () => {
  it('names NUL characters and lone surrogates in strings and keys, at any depth', () => {
    const problems = findUnsafeInput(
      { name: 'a\u0000b', items: [{ title: 'x\ud800y' }], ['k\u0000']: 1, fine: '𠀀 emoji 😀' },
      'body',
      undefined,
      rules,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', rule: 'no-nul' }),
        expect.objectContaining({ field: 'items.0.title', rule: 'well-formed-unicode' }),
        expect.objectContaining({ field: 'k\\u0000', rule: 'no-nul' }),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('names the path or query parameter a handler asked for', () => {
    expect(findUnsafeInput('a\u0000', 'path', 'code', rules)).toEqual([
      expect.objectContaining({
        field: 'code',
        rule: 'no-nul',
        message: expect.stringContaining('path parameter code'),
      }),
    ]);
    expect(findUnsafeInput(['ok', '\udc00'], 'query', 'tag', rules)).toEqual([
      expect.objectContaining({ field: 'tag.1', rule: 'well-formed-unicode' }),
    ]);
  });

  it('refuses numbers beyond the safe-integer range, and Infinity', () => {
    expect(findUnsafeInput({ amountFen: 1e300, area: Infinity, ok: 12.5 }, 'body', undefined, rules)).toEqual([
      expect.objectContaining({ field: 'area', rule: 'out-of-range' }),
      expect.objectContaining({ field: 'amountFen', rule: 'out-of-range' }),
    ]);
  });

  it('holds offset and limit to integers within the paging bounds, alone or in a query object', () => {
    for (const offset of ['2e+82', '-1', '1.5', '1001', '99999999999999999999', 'x']) {
      expect(findUnsafeInput(offset, 'query', 'offset', rules)).toEqual([
        expect.objectContaining({ field: 'offset', rule: 'paging' }),
      ]);
    }
    expect(findUnsafeInput({ offset: '0', limit: '0' }, 'query', undefined, rules)).toEqual([
      expect.objectContaining({ field: 'limit', rule: 'paging' }),
    ]);
    expect(findUnsafeInput({ offset: '1000', limit: '100', state: 'open' }, 'query', undefined, rules)).toEqual([]);
    expect(findUnsafeInput(undefined, 'query', 'offset', rules)).toEqual([]);
    // A body field called offset is not a paging parameter.
    expect(findUnsafeInput({ offset: 5000 }, 'body', undefined, rules)).toEqual([]);
  });
});

describe('jsonDepthExceeds', () => {
  it('measures nesting without recursion, even ten thousand levels deep', () => {
    expect(jsonDepthExceeds(nested(10_000), 32)).toBe(true);
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds('flat', 1)).toBe(false);
  });
});
