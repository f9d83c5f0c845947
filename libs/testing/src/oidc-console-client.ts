import { createHash, randomBytes } from 'node:crypto';
import type { BrowserSession } from './browser-session.js';

export interface OidcClientOptions {
  /** The issuer URL; the provider's endpoints are below it (`/auth`, `/token`). */
  issuer: string;
  /** The origin the provider's pages are served from: redirects there are followed, others end a flow. */
  origin: string;
  clientId: string;
  redirectUri: string;
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/** A public browser client's side of the authorization code flow with PKCE (S256), driven through a browser session. */
export class OidcConsoleClient {
  readonly verifier = randomBytes(32).toString('base64url');
  readonly state = randomBytes(16).toString('base64url');

  constructor(private readonly options: OidcClientOptions) {}

  authorizationUrl(scope = 'openid profile api'): string {
    const challenge = createHash('sha256').update(this.verifier).digest('base64url');
    const url = new URL(`${this.options.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: this.options.clientId,
      response_type: 'code',
      redirect_uri: this.options.redirectUri,
      scope,
      state: this.state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.href;
  }

  /** The code in the redirect to the client, after checking the state came back unchanged. */
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
      redirect_uri: this.options.redirectUri,
      code_verifier: verifier,
    });
  }

  refresh(refreshToken: string) {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async token(fields: Record<string, string>): Promise<{ status: number; body: TokenSet & { error?: string } }> {
    const response = await fetch(`${this.options.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.options.clientId, ...fields }).toString(),
    });
    return { status: response.status, body: (await response.json()) as TokenSet & { error?: string } };
  }

  /** Opens the authorization URL and submits the sign-in form (用户名/密码); returns the page and where it ended. */
  async signIn(browser: BrowserSession, loginName: string, password: string) {
    const page = await browser.open(this.authorizationUrl(), this.options.origin);
    const answer = await browser.submit(
      new URL(formAction(page.text), page.url).href,
      { username: loginName, password },
      this.options.origin,
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
