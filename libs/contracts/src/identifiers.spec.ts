import { describe, expect, it } from '@jest/globals';
import { isUuid } from './identifiers.js';

describe('isUuid', () => {
  it('takes a UUID in either case and nothing else', () => {
    expect(isUuid('3f1c1f0e-6c1a-4c59-9b7e-0D6A1F7F2A11')).toBe(true);
    expect(
      ['caizheng-1', '3f1c1f0e6c1a4c599b7e0d6a1f7f2a11', ` 3f1c1f0e-6c1a-4c59-9b7e-0d6a1f7f2a11`, null, 7].map(isUuid),
    ).toEqual([false, false, false, false, false]);
  });
});
