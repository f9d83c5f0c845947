import type { INestApplication } from '@nestjs/common';
import type { Principal } from '@jianfu/platform';
import { DevTokens } from './dev-tokens.js';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Talks to a service under test over real HTTP, as a given user, with a token the identity service issued for that
 * user (the test run's, unless the service under test trusts another issuer).
 */
export class TestHttpClient {
  private constructor(
    readonly baseUrl: string,
    private readonly tokens: DevTokens,
  ) {}

  static async for(app: INestApplication, tokens: DevTokens = DevTokens.ofTestRun()): Promise<TestHttpClient> {
    const server = app.getHttpServer() as { address(): { port: number } | string | null };
    let address = server.address();
    if (!address) {
      await app.listen(0, '127.0.0.1');
      address = server.address();
    }
    if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
    return new TestHttpClient(`http://127.0.0.1:${address.port}`, tokens);
  }

  /** A client of a service running elsewhere (its own process), at its base URL. */
  static at(baseUrl: string, tokens: DevTokens = DevTokens.ofTestRun()): TestHttpClient {
    return new TestHttpClient(baseUrl, tokens);
  }

  token(principal: Principal): Promise<string> {
    return this.tokens.token(principal);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { as?: Principal; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies stay text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
