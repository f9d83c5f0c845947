import { describe, expect, it } from '@jest/globals';
import { ColleagueNames } from './colleague-names.js';

describe('colleague names kept for a few seconds', () => {
  it('answers from memory within the time to live, and asks again after it', () => {
    let now = 1_000;
    const names = new ColleagueNames({ maxEntries: 10, ttlSeconds: 30, now: () => now });
    names.remember('350102', new Map([['u1', '林晓']]));

    expect(names.lookUp('350102', ['u1', 'u2'])).toEqual({ known: new Map([['u1', '林晓']]), missing: ['u2'] });
    now += 29_000;
    expect(names.lookUp('350102', ['u1']).missing).toEqual([]);
    now += 2_000;
    expect(names.lookUp('350102', ['u1']).missing).toEqual(['u1']);
  });

  it('keeps each district to itself: identity names only the caller’s district’s people', () => {
    const names = new ColleagueNames({ maxEntries: 10, ttlSeconds: 30 });
    names.remember('350102', new Map([['u1', '林晓']]));

    expect(names.lookUp('350103', ['u1'])).toEqual({ known: new Map(), missing: ['u1'] });
  });

  it('holds at most its bound, dropping the least recently used', () => {
    const names = new ColleagueNames({ maxEntries: 2, ttlSeconds: 30 });
    names.remember(
      '350102',
      new Map([
        ['u1', 'a'],
        ['u2', 'b'],
      ]),
    );
    names.lookUp('350102', ['u1']);
    names.remember('350102', new Map([['u3', 'c']]));

    expect(names.lookUp('350102', ['u1', 'u2', 'u3']).missing).toEqual(['u2']);
  });
});
