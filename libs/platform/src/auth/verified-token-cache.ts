import type { Principal } from './principal.js';

interface Entry {
  principal: Principal;
  /** The token's `exp`, in ms since the epoch. */
  expiresAt: number;
}

/**
 * Principals of tokens already verified, each until its token expires, the least recently used dropped first
 * beyond `capacity`. Verifying a signature costs the API more CPU than the rest of a small read; a caller sends
 * the same token for its whole lifetime. A token is only remembered after it passed every check, so a rejected
 * token is verified (and rejected) again each time; a cached one stays valid until its `exp`, as a JWT does for any
 * verifier that holds the issuer's key.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (entry.expiresAt <= this.now()) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.set(token, entry);
    return entry.principal;
  }

  set(token: string, principal: Principal, expiresAtSeconds: number): void {
    if (this.capacity <= 0) return;
    this.entries.delete(token);
    while (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    // One principal now serves many requests: frozen, so no request can change what the next one sees.
    this.entries.set(token, { principal: deepFreeze(principal), expiresAt: expiresAtSeconds * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
