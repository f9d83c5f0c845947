import { describe, expect, it } from '@jest/globals';
import { versionNamed } from './version-name.js';

describe('versionNamed', () => {
  it('reads a number, or the version in force for `current`', async () => {
    expect(await versionNamed('7', () => Promise.resolve(3))).toBe(7);
    expect(await versionNamed('current', () => Promise.resolve(3))).toBe(3);
    expect(await versionNamed('current', () => Promise.resolve(null))).toBeNull();
  });

  it('names nothing for any other form', async () => {
    for (const name of ['', 'v1', '1.5', '-1', '1234567890', 'CURRENT']) {
      expect(await versionNamed(name, () => Promise.resolve(3))).toBeUndefined();
    }
  });
});
