import { createHash, randomBytes } from 'node:crypto';
import {
  BrowserSession,
  freePort,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  type TestIsolation,
} from '@jianfu/testing';
import { IdentityModule } from '../src/app.module.js';
import { IdentityConfig } from '../src/config.js';

export const consoleRedirectUri = 'http://127.0.0.1:5999/callback';
export const consoleClientId = 'jianfu-console';

export interface IdentityUnderTest extends ServiceUnderTest<IdentityConfig> {
  issuer: string;
  origin: string;
}

/** The identity service on a port it knows in advance, because its issuer URL names it. */
export async function startIdentity(
  isolation: TestIsolation,
  extra: Record<string, string> = {},
): Promise<IdentityUnderTest> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const issuer = `${origin}/oidc`;
  const service = await startServiceUnderTest({
    configClass: IdentityConfig,
    environment: serviceEnvironment(isolation, 'identity', {
      OIDC_ISSUER: issuer,
      OIDC_CONSOLE_REDIRECT_URIS: consoleRedirectUri,
      ...extra,
    }),
    module: (config) => IdentityModule.forApi(config),
    port,
  });
  return { ...service, issuer, origin };
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/** The console's side of the authorization code flow with PKCE (S256), driven through a browser session. */
export class ConsoleClient {
  readonly verifier = randomBytes(32).toString('base64url');
  readonly state = randomBytes(16).toString('base64url');

  constructor(private readonly identity: IdentityUnderTest) {}

  authorizationUrl(scope = 'openid profile api'): string {
    const challenge = createHash('sha256').update(this.verifier).digest('base64url');
    const url = new URL(`${this.identity.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: consoleClientId,
      response_type: 'code',
      redirect_uri: consoleRedirectUri,
      scope,
      state: this.state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.href;
  }

  /** The code in the redirect to the console, after checking the state came back unchanged. */
  codeFrom(redirect: string): string {
    const url = new URL(redirect);
    if (url.searchParams.get('state') !== this.state) throw new Error(`state mismatch in ${redirect}`);
    const code = url.searchParams.get('code');
    if (!code) throw new Error(`no code in ${redirect}`);
    return code;
  }

  exchange(code: string, verifier = this.verifier) {
    return this.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: consoleRedirectUri,
      code_verifier: verifier,
    });
  }

  refresh(refreshToken: string) {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async token(fields: Record<string, string>): Promise<{ status: number; body: TokenSet & { error?: string } }> {
    const response = await fetch(`${this.identity.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: consoleClientId, ...fields }).toString(),
    });
    return { status: response.status, body: (await response.json()) as TokenSet & { error?: string } };
  }

  /** Signs in through the pages (用户名/密码/登录) and returns the browser session and the redirect it ends in. */
  async signIn(browser: BrowserSession, loginName: string, password: string) {
    const page = await browser.open(this.authorizationUrl(), this.identity.origin);
    const action = formAction(page.text);
    const answer = await browser.submit(
      new URL(action, page.url).href,
      { username: loginName, password },
      this.identity.origin,
    );
    return { page, answer };
  }
}

/** The action of the first form on a page. */
export function formAction(html: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no form on the page:\n${html.slice(0, 500)}`);
  return match[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
