import { describe, expect, it } from '@jest/globals';
import {
  entityTagOfJson,
  listedEntityTags,
  MAX_CHANGE_WAIT_SECONDS,
  preferredWaitSeconds,
} from './waits-for-change.js';

describe('conditional reads', () => {
  it('tags equal JSON alike and different JSON differently, as a weak tag', () => {
    const entityTagOf = (body: unknown) => entityTagOfJson(JSON.stringify(body));
    expect(entityTagOf({ a: 1, b: ['x'] })).toBe(entityTagOf({ a: 1, b: ['x'] }));
    expect(entityTagOf({ a: 1 })).not.toBe(entityTagOf({ a: 2 }));
    expect(entityTagOf({ a: 1 })).toMatch(/^W\/"[\w-]+"$/);
  });

  it('reads the tags an If-None-Match lists, weak or strong, and * on its own', () => {
    expect(listedEntityTags(undefined)).toBeNull();
    expect(listedEntityTags('  ')).toBeNull();
    expect(listedEntityTags('*')).toBe('*');
    expect(listedEntityTags('W/"a", "b",W/"c"')).toEqual(new Set(['"a"', '"b"', '"c"']));
    expect(listedEntityTags(['"a"', 'W/"b"'])).toEqual(new Set(['"a"', '"b"']));
    // Nothing quoted names no tag: the read answers the representation.
    expect(listedEntityTags('garbage')).toEqual(new Set());
  });

  it('reads Prefer: wait in whole seconds, capped, ignoring other preferences and nonsense', () => {
    expect(preferredWaitSeconds(undefined)).toBe(0);
    expect(preferredWaitSeconds('wait=5')).toBe(5);
    expect(preferredWaitSeconds('respond-async, wait=7')).toBe(7);
    expect(preferredWaitSeconds('return=minimal; wait="3"')).toBe(3);
    expect(preferredWaitSeconds('wait=3600')).toBe(MAX_CHANGE_WAIT_SECONDS);
    expect(preferredWaitSeconds('wait=-1')).toBe(0);
    expect(preferredWaitSeconds('wait=soon')).toBe(0);
    expect(preferredWaitSeconds('nowait=5')).toBe(0);
  });
});
