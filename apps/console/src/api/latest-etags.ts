/**
 * The `ETag` of the latest successful answer to each read that carried one, by URL: what a page's query holds, so
 * following that read (`useFollowChanges`) can start from it instead of reading it again.
 */
export class LatestEtags {
  private readonly tags = new Map<string, string>();

  /** `limit` keeps a long session's record small: the oldest resources read are forgotten first. */
  constructor(private readonly limit = 500) {}

  record(url: string, etag: string | null): void {
    if (!etag) return;
    const key = keyOf(url);
    this.tags.delete(key);
    this.tags.set(key, etag);
    if (this.tags.size > this.limit) this.tags.delete(this.tags.keys().next().value!);
  }

  of(url: string): string | null {
    return this.tags.get(keyOf(url)) ?? null;
  }
}

/** The path and query of a URL, absolute or not, its parameters in one order whoever built it. */
function keyOf(url: string): string {
  const parsed = new URL(url, 'http://console.invalid');
  parsed.searchParams.sort();
  return `${parsed.pathname}${parsed.search}`;
}
