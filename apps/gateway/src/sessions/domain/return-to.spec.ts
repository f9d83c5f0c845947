import { describe, expect, it } from '@jest/globals';
import { safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it('keeps a path of this origin with its query', () => {
    expect(safeReturnTo('/submissions/42?tab=timeline')).toBe('/submissions/42?tab=timeline');
  });

  it.each([undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'x'])(
    'sends %p to /',
    (value) => {
      expect(safeReturnTo(value)).toBe('/');
    },
  );
});
