import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  NotEquals,
  ValidateIf,
} from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

export class IdentityConfig extends PlatformConfig {
  override PORT: number = 3005;

  /** The OpenID Provider (oidc-provider) and its interaction pages take Express's request and response. */
  override HTTP_FRAMEWORK: 'fastify' | 'express' = 'express';

  /**
   * The issuer every token names and every service checks: the public URL of the OpenID Provider, which is
   * mounted under `/oidc`. Behind a proxy this is the proxy's URL, not this process's address. The audience
   * (`OIDC_AUDIENCE`, the platform's config) is also the APIs' resource indicator (RFC 8707).
   */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, { message: 'OIDC_ISSUER must be an http(s) URL without a trailing slash' })
  override OIDC_ISSUER: string = 'http://127.0.0.1:3005/oidc';

  /** The browser client (web console): a public client using the authorization code flow with PKCE. */
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'OIDC_CONSOLE_CLIENT_ID may hold lower-case letters, digits and dashes' })
  OIDC_CONSOLE_CLIENT_ID: string = 'jianfu-console';

  /** Comma-separated redirect URIs of the console; sign-out returns to the same URIs. */
  @IsString()
  @Matches(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, {
    message: 'OIDC_CONSOLE_REDIRECT_URIS must be a comma-separated list of http(s) URLs',
  })
  OIDC_CONSOLE_REDIRECT_URIS: string = 'http://127.0.0.1:5173/callback,http://localhost:5173/callback';

  /** Access tokens live minutes: a disabled user or a changed assignment takes effect at the next refresh. */
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS: number = 300;

  @IsInt()
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS: number = 8 * 3600;

  @IsInt()
  @Min(300)
  SESSION_TTL_SECONDS: number = 8 * 3600;

  /** How often a process rereads the signing keys, so a rotation done by another instance reaches it. */
  @IsInt()
  @Min(1000)
  SIGNING_KEY_REFRESH_MS: number = 60_000;

  /**
   * How long a new signing key is published before it signs. Verifiers learn a new key id by refetching the JWKS,
   * which they do at most once per cooldown (jose: 30 s), so this must exceed their cooldown.
   */
  @IsInt()
  @Min(0)
  SIGNING_KEY_PUBLISH_AHEAD_SECONDS: number = 60;

  /**
   * A production key set (JSON `{"keys":[…]}` of private JWKs, first one signs). When set, keys are not
   * generated into the database and rotation is done by changing this variable.
   */
  @IsOptional()
  @IsString()
  OIDC_SIGNING_KEYS?: string;

  /** Failed sign-ins in a row after which the account is locked. */
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  SIGN_IN_LOCKOUT_SECONDS: number = 15 * 60;

  /**
   * Failed sign-ins from one address within the window after which that address is refused outright: a guesser
   * spreading attempts over many login names never trips any one account's lockout.
   */
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: number = 30;

  @IsInt()
  @Min(1)
  SIGN_IN_ADDRESS_WINDOW_SECONDS: number = 10 * 60;

  /**
   * Tokens for scripts and tests (`dev.sh token`, the test harness): the confidential client
   * `IDENTITY_DEV_TOOLS_CLIENT_ID` may ask for an access token for a principal it states, by the dev-token grant
   * (docs/flows/identity.md). Off unless enabled here; never in production.
   */
  @IsIn(['enabled', 'disabled'])
  IDENTITY_DEV_TOKENS: 'enabled' | 'disabled' = 'disabled';

  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'IDENTITY_DEV_TOOLS_CLIENT_ID may hold lower-case letters, digits and dashes' })
  IDENTITY_DEV_TOOLS_CLIENT_ID: string = 'jianfu-dev-tools';

  @ValidateIf((config: IdentityConfig) => config.IDENTITY_DEV_TOKENS === 'enabled')
  @IsString({ message: 'IDENTITY_DEV_TOOLS_CLIENT_SECRET is required when IDENTITY_DEV_TOKENS=enabled' })
  @MinLength(32, { message: 'IDENTITY_DEV_TOOLS_CLIENT_SECRET must be at least 32 characters' })
  IDENTITY_DEV_TOOLS_CLIENT_SECRET?: string;

  /** Longest lifetime a dev token may be asked for. */
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  IDENTITY_DEV_TOKEN_MAX_SECONDS: number = 24 * 3600;

  /** Read only to refuse dev tokens in production. */
  @ValidateIf((config: IdentityConfig) => config.IDENTITY_DEV_TOKENS === 'enabled')
  @NotEquals('production', { message: 'IDENTITY_DEV_TOKENS must not be enabled when NODE_ENV=production' })
  NODE_ENV?: string;
}
