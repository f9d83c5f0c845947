import { describe, expect, it } from '@jest/globals';
import { hashOpaqueId, newOpaqueId, sameSecret, TokenSealer } from './session-secrets.js';

describe('session secrets', () => {
  it('opens what it sealed, and nothing sealed under another secret or altered', () => {
    const sealer = new TokenSealer('a'.repeat(32));
    const sealed = sealer.seal('{"accessToken":"eyJ"}');
    expect(sealed).not.toContain('eyJ');
    expect(sealer.open(sealed)).toBe('{"accessToken":"eyJ"}');
    expect(new TokenSealer('b'.repeat(32)).open(sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const altered = `${body.slice(0, 1)}${body[1] === 'A' ? 'B' : 'A'}${body.slice(2)}`;
    expect(sealer.open([iv, tag, altered].join('.'))).toBeNull();
    expect(sealer.open('garbage')).toBeNull();
  });

  it('makes ids that are random, and stores them hashed', () => {
    const id = newOpaqueId();
    expect(id).not.toBe(newOpaqueId());
    expect(hashOpaqueId(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameSecret(id, id)).toBe(true);
    expect(sameSecret(id, `${id}x`)).toBe(false);
  });
});
