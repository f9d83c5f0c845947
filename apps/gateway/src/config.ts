import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

const serviceUrl = { message: 'must be an http(s) URL without a trailing slash' };
const httpUrl = /^https?:\/\/[^\s]+[^/\s]$/;

/**
 * The gateway (the console's backend): the one origin browsers talk to. It signs people in at the identity
 * service, keeps their tokens in server-side sessions, forwards `/api/<service>/…` with the user's access
 * token, answers the views that cross services, and serves the console's files.
 */
export class GatewayConfig extends PlatformConfig {
  /** The gateway's own bootstrap runs on Express (its proxy, SSE and console files; docs/decisions/0011). */
  override HTTP_FRAMEWORK: 'fastify' | 'express' = 'express';

  override PORT: number = 3000;

  /** The URL browsers reach the gateway at; the sign-in callback and the cookie's `Secure` flag follow from it. */
  @IsString()
  @Matches(httpUrl, { message: `PUBLIC_URL ${serviceUrl.message}` })
  PUBLIC_URL: string = 'http://127.0.0.1:3000';

  /** The identity service's issuer (its discovery document is read at the first sign-in, then kept). */
  @IsString()
  @Matches(httpUrl, { message: `OIDC_ISSUER ${serviceUrl.message}` })
  override OIDC_ISSUER: string = 'http://127.0.0.1:3005/oidc';

  /**
   * The client the gateway signs people in as: the identity service's console client (public, PKCE). The gateway
   * holds the tokens on the server, so no secret reaches a browser either way.
   */
  @IsString()
  OIDC_CLIENT_ID: string = 'jianfu-console';

  @IsString()
  OIDC_SCOPE: string = 'openid profile api';

  @IsString()
  @Matches(httpUrl, { message: `ORGANIZATION_URL ${serviceUrl.message}` })
  ORGANIZATION_URL: string = 'http://127.0.0.1:3001';

  @IsString()
  @Matches(httpUrl, { message: `ADMISSION_URL ${serviceUrl.message}` })
  ADMISSION_URL: string = 'http://127.0.0.1:3002';

  @IsString()
  @Matches(httpUrl, { message: `FINANCE_URL ${serviceUrl.message}` })
  FINANCE_URL: string = 'http://127.0.0.1:3003';

  @IsString()
  @Matches(httpUrl, { message: `PERSONNEL_URL ${serviceUrl.message}` })
  PERSONNEL_URL: string = 'http://127.0.0.1:3004';

  @IsString()
  @Matches(httpUrl, { message: `IDENTITY_URL ${serviceUrl.message}` })
  IDENTITY_URL: string = 'http://127.0.0.1:3005';

  /**
   * Encrypts the tokens a session holds at rest (AES-256-GCM under a key derived from it). Changing it ends every
   * session: their tokens can no longer be read, and their users sign in again.
   */
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET!: string;

  /** A session ends this long after sign-in whatever happens (the identity service's refresh tokens live as long). */
  @IsInt()
  @Min(300)
  SESSION_TTL_SECONDS: number = 8 * 3600;

  /** A session nobody used for this long ends. */
  @IsInt()
  @Min(60)
  SESSION_IDLE_SECONDS: number = 2 * 3600;

  /** The access token is refreshed when it has fewer seconds than this left. */
  @IsInt()
  @Min(0)
  @Max(3600)
  TOKEN_REFRESH_BEFORE_SECONDS: number = 60;

  /** How long a forwarded call (or one inbox page) may wait for a service's answer headers. */
  @IsInt()
  @Min(100)
  UPSTREAM_TIMEOUT_MS: number = 30_000;

  /** The console's built files (`vite build` output); unset or missing, `/` answers 404 and the APIs still work. */
  @IsOptional()
  @IsString()
  CONSOLE_DIST?: string;

  /** Seconds between the comments that keep a notification stream's connection open through proxies. */
  @IsInt()
  @Min(1)
  NOTIFICATION_HEARTBEAT_SECONDS: number = 15;
}
