import { describe, expect, it } from '@jest/globals';
import { requestFingerprint, requireIdempotencyKey } from './idempotency-key.js';

describe('idempotency keys', () => {
  it('fingerprints a request by its fields, not their order, and ignores fields left out', () => {
    const a = requestFingerprint({ year: 2026, amountFen: 500_000, reason: undefined, target: { b: 1, a: 2 } });
    const b = requestFingerprint({ target: { a: 2, b: 1 }, amountFen: 500_000, year: 2026 });
    expect(a).toBe(b);
    expect(requestFingerprint({ year: 2026, amountFen: 500_001 })).not.toBe(
      requestFingerprint({ year: 2026, amountFen: 500_000 }),
    );
  });

  it('refuses a missing, blank or overlong key with the field named', () => {
    for (const key of [undefined, '', '   ', 'k'.repeat(201)]) {
      expect(() => requireIdempotencyKey(key)).toThrow(
        expect.objectContaining({ status: 400, details: { field: 'Idempotency-Key' } }),
      );
    }
    expect(requireIdempotencyKey('alloc-2026-1')).toBe('alloc-2026-1');
  });
});
