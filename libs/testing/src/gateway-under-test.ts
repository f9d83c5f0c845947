import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createGatewayApp, GatewayConfig, GatewayModule } from '@jianfu/gateway';
import { loadConfig } from '@jianfu/platform';
import { BrowserSession, freePort } from './browser-session.js';
import type { TestIsolation } from './isolation.js';
import { formAction } from './oidc-console-client.js';
import { serviceEnvironment } from './service-environment.js';

export type GatewayService = 'organization' | 'admission' | 'finance' | 'personnel' | 'identity';

/** Where the gateway will listen, known before it starts: the identity service must list its callback first. */
export interface GatewayAddress {
  port: number;
  baseUrl: string;
  /** For the identity service's `OIDC_CONSOLE_REDIRECT_URIS`. */
  redirectUri: string;
}

export async function reserveGatewayAddress(): Promise<GatewayAddress> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  return { port, baseUrl, redirectUri: `${baseUrl}/auth/callback` };
}

export interface GatewayUnderTest {
  baseUrl: string;
  app: INestApplication;
  config: GatewayConfig;
  environment: Record<string, string>;
  close(): Promise<void>;
}

/** A port nothing listens on: a service left out is one that is down. */
const nowhere = 'http://127.0.0.1:9';

/**
 * Boots the gateway (same bootstrap as its main.ts) in a suite's isolation, pointed at the services under test and
 * the identity service's issuer. Services not given are down (their calls answer 503). The identity service must
 * list the gateway's callback among its console redirect URIs: reserve the address first
 * (`reserveGatewayAddress`) and pass its port, or let the harness pick one and start identity with the callback
 * `http://127.0.0.1:<port>/auth/callback` some other way.
 */
export async function startGatewayUnderTest(options: {
  isolation: TestIsolation;
  services: Partial<Record<GatewayService, string>>;
  identityIssuer: string;
  consoleDist?: string;
  address?: GatewayAddress;
  environment?: Record<string, string>;
}): Promise<GatewayUnderTest> {
  const address = options.address ?? (await reserveGatewayAddress());
  const { services } = options;
  const environment = serviceEnvironment(options.isolation, 'gateway', {
    PUBLIC_URL: address.baseUrl,
    OIDC_ISSUER: options.identityIssuer,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ORGANIZATION_URL: services.organization ?? nowhere,
    ADMISSION_URL: services.admission ?? nowhere,
    FINANCE_URL: services.finance ?? nowhere,
    PERSONNEL_URL: services.personnel ?? nowhere,
    IDENTITY_URL: services.identity ?? new URL(options.identityIssuer).origin,
    UPSTREAM_TIMEOUT_MS: '10000',
    ...(options.consoleDist ? { CONSOLE_DIST: options.consoleDist } : {}),
    ...options.environment,
  });
  const config = loadConfig(GatewayConfig, environment);
  const app = await createGatewayApp(GatewayModule.forApi(config), config);
  await app.listen(address.port, '127.0.0.1');
  return { baseUrl: address.baseUrl, app, config, environment, close: () => app.close() };
}

export interface GatewayAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * A browser using the console through the gateway: signs in at the identity service (changing an initial password
 * when asked), keeps the session cookie, and sends the session's CSRF token on unsafe methods, as the console does.
 */
export class GatewayBrowser {
  readonly browser = new BrowserSession();
  csrfToken?: string;

  constructor(readonly gatewayUrl: string) {}

  /** Signs in and lands on `returnTo`; answers where the browser ended. */
  async signIn(
    loginName: string,
    password: string,
    options: { returnTo?: string; newPassword?: string } = {},
  ): Promise<URL> {
    const gateway = new URL(this.gatewayUrl);
    // Follow everything except the final landing on a console page (which needs the console's build).
    const within = (next: URL) => next.origin !== gateway.origin || next.pathname.startsWith('/auth/');
    const returnTo = options.returnTo ?? '/';
    const page = await this.browser.open(
      `${this.gatewayUrl}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
      within,
    );
    let answer = await this.browser.submit(
      new URL(formAction(page.text), page.url).href,
      { username: loginName, password },
      within,
    );
    if (answer.status === 200 && answer.text.includes('newPassword')) {
      const chosen = options.newPassword ?? `${password}-new1`;
      answer = await this.browser.submit(
        new URL(formAction(answer.text), answer.url).href,
        { newPassword: chosen, confirmPassword: chosen },
        within,
      );
    }
    const landed = new URL(answer.url);
    if (landed.origin !== gateway.origin) {
      throw new Error(
        `Sign-in did not return to the gateway: ${answer.status} ${answer.url}\n${answer.text.slice(0, 300)}`,
      );
    }
    const session = await this.call<{ csrfToken: string }>('GET', '/auth/session');
    if (session.status !== 200) throw new Error(`No session after sign-in: ${session.status} ${session.text}`);
    this.csrfToken = session.body.csrfToken;
    return landed;
  }

  /** A call as the console's script makes it: cookie, JSON, and the CSRF token on unsafe methods. */
  async call<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<GatewayAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const answer = await this.browser.request(method, `${this.gatewayUrl}${path}`, { headers, body });
    let parsed: unknown = answer.text;
    try {
      parsed = answer.text ? JSON.parse(answer.text) : undefined;
    } catch {
      // Not JSON: the text is the body.
    }
    return { status: answer.status, headers: answer.headers, body: parsed as T, text: answer.text };
  }
}

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** An open `text/event-stream` answer, read event by event. */
export class EventStreamReader {
  private buffer = '';
  private readonly received: ServerSentEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private done = false;

  constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly abort: AbortController,
    body: ReadableStream<Uint8Array> | null,
  ) {
    if (body) void this.pump(body);
  }

  /** Waits for the next event matching the test, among those not yet taken. */
  async next(test: (event: ServerSentEvent) => boolean, timeoutMs = 30_000): Promise<ServerSentEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex(test);
      if (index >= 0) return this.received.splice(index, 1)[0];
      if (this.done) throw new Error('The event stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching event within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event && data !== undefined) this.received.push({ event, data: JSON.parse(data) as unknown });
        }
        this.wake();
      }
    } catch {
      // Aborted by close(), or the server ended the stream.
    }
    this.done = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
    this.waiters.clear();
  }
}

/** Opens the gateway's event stream at `path` with the browser's cookies. */
export async function openEventStream(browser: GatewayBrowser, path: string): Promise<EventStreamReader> {
  const abort = new AbortController();
  const cookie = ['jianfu_session']
    .map((name) => [name, browser.browser.cookie(name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const response = await fetch(`${browser.gatewayUrl}${path}`, {
    headers: { accept: 'text/event-stream', cookie },
    signal: abort.signal,
  });
  return new EventStreamReader(response.status, response.headers, abort, response.body);
}
