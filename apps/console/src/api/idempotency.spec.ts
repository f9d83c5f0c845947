import { describe, expect, it } from '@jest/globals';
import { IdempotencyKeys } from './idempotency';

describe('IdempotencyKeys', () => {
  it('sends the same key while the same command is sent again (a double click, a retry)', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor({ action: 'approve', comment: '同意' });
    expect(keys.keyFor({ action: 'approve', comment: '同意' })).toBe(first);
  });

  it('gives a changed body a new key, and a new command after a success', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor({ action: 'approve' });
    const changed = keys.keyFor({ action: 'reject', reason: '材料不全' });
    expect(changed).not.toBe(first);
    keys.settle();
    expect(keys.keyFor({ action: 'reject', reason: '材料不全' })).not.toBe(changed);
  });
});
