import { describe, expect, it } from '@jest/globals';
import { fenOf, fenOrNullOf } from './fen-column.js';

describe('fenOf', () => {
  it('reads bigint and numeric columns as whole fen', () => {
    expect(fenOf('123456789012')).toBe(123456789012);
    expect(fenOf('-500')).toBe(-500);
    expect(fenOf(42)).toBe(42);
    expect(fenOf(7n)).toBe(7);
    expect(fenOf('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses what would round: fractions, beyond 2^53, not a number', () => {
    expect(() => fenOf('12.50')).toThrow(RangeError);
    expect(() => fenOf(0.5)).toThrow(RangeError);
    expect(() => fenOf('9007199254740993')).toThrow(RangeError);
    expect(() => fenOf('abc')).toThrow(RangeError);
    expect(() => fenOf('')).toThrow(RangeError);
  });

  it('keeps a missing amount missing', () => {
    expect(fenOrNullOf(null)).toBeNull();
    expect(fenOrNullOf(undefined)).toBeNull();
    expect(fenOrNullOf('0')).toBe(0);
  });
});
