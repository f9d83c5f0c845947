import { LRUCache } from 'lru-cache';

/**
 * Display names the identity service gave for people of one district, kept a few seconds: every inbox page names
 * its senders and submitters, mostly the same few colleagues, and a name may be that much behind a rename. Keyed by
 * district, because identity names only the caller's district's people; bounded, the least recently used dropped.
 */
export class ColleagueNames {
  private readonly names: LRUCache<string, string>;

  constructor(options: { maxEntries: number; ttlSeconds: number; now?: () => number }) {
    this.names = new LRUCache<string, string>({
      max: options.maxEntries,
      ttl: options.ttlSeconds * 1000,
      // A clock of the caller's (tests): read on every look-up rather than once a millisecond.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  /** The names known for the district, and the ids still to ask identity for. */
  lookUp(districtCode: string, ids: string[]): { known: Map<string, string>; missing: string[] } {
    const known = new Map<string, string>();
    const missing: string[] = [];
    for (const id of ids) {
      const name = this.names.get(key(districtCode, id));
      if (name === undefined) missing.push(id);
      else known.set(id, name);
    }
    return { known, missing };
  }

  remember(districtCode: string, names: Map<string, string>): void {
    for (const [id, name] of names) this.names.set(key(districtCode, id), name);
  }
}

function key(districtCode: string, id: string): string {
  return `${districtCode}:${id}`;
}
