import { createServer } from 'node:net';

interface StoredCookie {
  value: string;
  path: string;
  expiresAt: number | null;
}

export interface BrowserResponse {
  status: number;
  url: string;
  headers: Headers;
  text: string;
}

/**
 * A browser as far as a sign-in needs one: a cookie jar (name, path, expiry) for one host, form posts, and
 * redirects followed one by one so a test can stop at the one that leaves for the client's redirect URI.
 */
export class BrowserSession {
  private readonly cookies = new Map<string, StoredCookie>();

  /**
   * GETs the URL and follows redirects until a page answers or the next one points outside `within`: an origin, or
   * a test of the next URL (true: follow it), for flows that cross origins (a gateway and its identity service).
   */
  async open(url: string, within: string | ((next: URL) => boolean)): Promise<BrowserResponse> {
    return this.follow(await this.send('GET', url), within);
  }

  /** Posts an HTML form (urlencoded), then follows redirects as `open` does. */
  async submit(
    url: string,
    fields: Record<string, string>,
    within: string | ((next: URL) => boolean),
  ): Promise<BrowserResponse> {
    return this.follow(
      await this.send('POST', url, {
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      within,
    );
  }

  /** One request with the jar's cookies (a script's fetch from the page), redirects not followed. */
  async request(
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: string | FormData } = {},
  ): Promise<BrowserResponse> {
    return this.send(method, url, options);
  }

  /** The value of a cookie in the jar, if it holds one. */
  cookie(name: string): string | undefined {
    return [...this.cookies.entries()].find(([key]) => key.split('|')[0] === name)?.[1].value;
  }

  /** Drops every cookie (a new browser profile). */
  clear(): void {
    this.cookies.clear();
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()].map((key) => key.split('|')[0]);
  }

  private async follow(response: BrowserResponse, within: string | ((next: URL) => boolean)): Promise<BrowserResponse> {
    const keepGoing = typeof within === 'string' ? (next: URL) => next.origin === within : within;
    let current = response;
    for (let hops = 0; hops < 20; hops += 1) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return current;
      const next = new URL(location, current.url);
      if (!keepGoing(next)) return { ...current, url: next.href };
      current = await this.send('GET', next.href);
    }
    throw new Error('Too many redirects');
  }

  private async send(
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: string | FormData } = {},
  ): Promise<BrowserResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...options.headers };
    const cookie = this.cookieHeader(target.pathname);
    if (cookie) headers.cookie = cookie;
    const response = await fetch(target, { method, headers, body: options.body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return { status: response.status, url: target.href, headers: response.headers, text: await response.text() };
  }

  private store(line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    let path = '/';
    let expiresAt: number | null = null;
    for (const attribute of attributes) {
      const [key, ...rest] = attribute.split('=');
      const attributeValue = rest.join('=');
      if (key.toLowerCase() === 'path') path = attributeValue || '/';
      if (key.toLowerCase() === 'expires') expiresAt = Date.parse(attributeValue);
      if (key.toLowerCase() === 'max-age') expiresAt = Date.now() + Number(attributeValue) * 1000;
    }
    const key = `${name}|${path}`;
    if (expiresAt !== null && expiresAt <= Date.now()) this.cookies.delete(key);
    else this.cookies.set(key, { value, path, expiresAt });
  }

  private cookieHeader(pathname: string): string {
    const now = Date.now();
    return [...this.cookies.entries()]
      .filter(([, cookie]) => cookie.expiresAt === null || cookie.expiresAt > now)
      .filter(
        ([, cookie]) =>
          pathname === cookie.path || pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map(([key, cookie]) => `${key.split('|')[0]}=${cookie.value}`)
      .join('; ');
  }
}

/** A TCP port nobody listens on right now, for a service that must know its own URL before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
