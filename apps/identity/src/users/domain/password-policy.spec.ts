import { describe, expect, it } from '@jest/globals';
import { passwordWeakness } from './password-policy.js';

describe('passwordWeakness', () => {
  it('accepts ten characters with a letter and a digit, Chinese letters included', () => {
    expect(passwordWeakness('abcdefghi1')).toBeNull();
    expect(passwordWeakness('减负平台减负平台12')).toBeNull();
  });

  it('names the rule a weak password breaks', () => {
    expect(passwordWeakness('abc1')).toBe('at least 10 characters');
    expect(passwordWeakness('abcdefghijk')).toBe('a letter and a digit');
    expect(passwordWeakness('12345678901')).toBe('a letter and a digit');
  });
});
