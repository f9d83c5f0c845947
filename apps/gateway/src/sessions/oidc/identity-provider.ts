import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { DomainError } from '@jianfu/platform';
import { GatewayConfig } from '../../config.js';
import { SessionErrors } from '../domain/sessions.errors.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** The display name the ID token carries, for a user whose access token names none. */
  name?: string;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The identity service refused a grant (expired, revoked or replayed refresh token, a bad code). */
export class GrantRefusedError extends Error {
  constructor(readonly error: string) {
    super(`The identity service refused the grant: ${error}`);
    this.name = 'GrantRefusedError';
  }
}

function refusal(error: unknown): string | undefined {
  if (error instanceof oidc.ResponseBodyError) return error.error;
  if (error instanceof oidc.AuthorizationResponseError) return error.error;
  // A response that fails the client's checks (state, nonce, issuer) is as good as a refusal.
  if (error instanceof oidc.ClientError) return error.code ?? 'client-check-failed';
  return undefined;
}

/**
 * The gateway's side of OpenID Connect (authorization code + PKCE) against the identity service, with
 * `openid-client`. The discovery document is read on first use and kept, so the gateway boots while the identity
 * service is still starting; until it answers, sign-in and refresh answer 503.
 */
@Injectable()
export class IdentityProvider {
  private readonly logger = new Logger(IdentityProvider.name);
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly config: GatewayConfig) {}

  get redirectUri(): string {
    return `${this.config.PUBLIC_URL}/auth/callback`;
  }

  /** Where the identity service sends the browser after sign-out: the console's start page. */
  get postLogoutRedirectUri(): string {
    return `${this.config.PUBLIC_URL}/`;
  }

  async authorizationRequest(): Promise<AuthorizationRequest> {
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  async exchangeCode(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<IssuedTokens> {
    const configuration = await this.configuration();
    return this.granted(() =>
      oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      }),
    );
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const configuration = await this.configuration();
    return this.granted(() => oidc.refreshTokenGrant(configuration, refreshToken));
  }

  async endSessionUrl(idToken: string | undefined): Promise<string> {
    const configuration = await this.configuration();
    return oidc.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: this.postLogoutRedirectUri,
      client_id: this.config.OIDC_CLIENT_ID,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }

  private async granted(
    grant: () => Promise<oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers>,
  ): Promise<IssuedTokens> {
    let response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      response = await grant();
    } catch (error) {
      const refused = refusal(error);
      if (refused) throw new GrantRefusedError(refused);
      throw this.unavailable(error);
    }
    const claims = response.claims();
    return {
      accessToken: response.access_token,
      ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
      ...(response.id_token ? { idToken: response.id_token } : {}),
      ...(typeof claims?.name === 'string' ? { name: claims.name } : {}),
    };
  }

  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(new URL(this.config.OIDC_ISSUER), this.config.OIDC_CLIENT_ID, undefined, oidc.None(), {
        // Local development and tests run the identity service on plain http; production names an https issuer.
        execute: this.config.OIDC_ISSUER.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
        timeout: Math.ceil(this.config.UPSTREAM_TIMEOUT_MS / 1000),
      })
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw this.unavailable(error);
      });
    return this.discovered;
  }

  private unavailable(error: unknown): DomainError {
    if (error instanceof DomainError) return error;
    this.logger.warn({ err: error }, 'The identity service did not answer');
    return DomainError.of(SessionErrors['identity.unavailable'], 'The identity service does not answer; retry later');
  }
}
