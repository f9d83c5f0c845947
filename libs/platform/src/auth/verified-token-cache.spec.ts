import { describe, expect, it } from '@jest/globals';
import type { Principal } from './principal.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

const principal = (userId: string): Principal => ({
  userId,
  name: userId,
  roles: ['organization-admin'],
  scope: { districtCode: '350102' },
});

describe('VerifiedTokenCache', () => {
  it('answers a verified token until its expiry, and not at or after it', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('t1', principal('u1'), 1_060); // exp: 1,060 s = 1,060,000 ms
    expect(cache.get('t1')).toEqual(principal('u1'));
    now = 1_059_999;
    expect(cache.get('t1')?.userId).toBe('u1');
    now = 1_060_000;
    expect(cache.get('t1')).toBeUndefined();
    // An expired entry is dropped, not kept until evicted.
    expect(cache.size).toBe(0);
  });

  it('holds at most its capacity, dropping the least recently used', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('a', principal('a'), 100);
    cache.set('b', principal('b'), 100);
    expect(cache.get('a')?.userId).toBe('a'); // a is now the most recently used
    cache.set('c', principal('c'), 100);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.userId).toBe('a');
    expect(cache.get('c')?.userId).toBe('c');
  });

  it('hands out a frozen principal, so one request cannot change what the next sees', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('a', principal('a'), 100);
    const got = cache.get('a')!;
    expect(Object.isFrozen(got) && Object.isFrozen(got.scope) && Object.isFrozen(got.roles)).toBe(true);
  });

  it('remembers nothing with a capacity of 0', () => {
    const cache = new VerifiedTokenCache(0, () => 0);
    cache.set('a', principal('a'), 100);
    expect(cache.get('a')).toBeUndefined();
  });
});
