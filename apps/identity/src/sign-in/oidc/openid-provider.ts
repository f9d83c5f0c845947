import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { JWK } from 'jose';
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../audit/persistence/audit-log.repository.js';
import { IdentityConfig } from '../../config.js';
import { principalClaims } from '../../users/domain/user.js';
import { DepartmentMembershipsRepository } from '../../users/persistence/department-memberships.repository.js';
import { UsersRepository } from '../../users/persistence/users.repository.js';
import { OidcPayloadRepository } from '../persistence/oidc-payload.repository.js';
import { SigningKeysRepository } from '../persistence/signing-keys.repository.js';
import { devTokenClaims, devTokenGrantType, registerDevTokenGrant } from './dev-token-grant.js';
import { postgresAdapter } from './oidc-adapter.js';
import { errorPage, logoutPage, signedOutPage } from './provider-pages.js';
import { generateSigningKey, parseConfiguredKeys, signingAlgorithm } from './signing-key-set.js';

/** The scope a client asks for to receive an access token for the platform's APIs. */
export const apiScope = 'api';

/**
 * The OpenID Provider (`oidc-provider`), mounted under `/oidc`. Its key set is fixed when it is built, so a
 * rotation builds a new provider over the same storage and cookie keys and swaps it in: requests in flight
 * finish on the old one, and no session, code or refresh token is lost.
 */
@Injectable()
export class OpenIdProvider implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OpenIdProvider.name);
  private current?: { provider: Provider; handle: ReturnType<Provider['callback']>; kids: string };
  private refreshTimer?: NodeJS.Timeout;
  private activationTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: IdentityConfig,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
    private readonly payloads: OidcPayloadRepository,
    private readonly keys: SigningKeysRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.refreshTimer = setInterval(() => {
      this.reload().catch((error: unknown) => this.logger.warn({ error }, 'signing keys could not be reread'));
      // Expired artefacts are never read again (the adapter filters them); removing them keeps the table small.
      this.payloads
        .deleteExpired(this.transactions.reader)
        .catch((error: unknown) => this.logger.warn({ error }, 'expired provider artefacts could not be removed'));
    }, this.config.SIGNING_KEY_REFRESH_MS);
    this.refreshTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refreshTimer);
    clearTimeout(this.activationTimer);
  }

  get provider(): Provider {
    if (!this.current) throw new Error('The OpenID Provider is not built yet');
    return this.current.provider;
  }

  /** Hands a request under `/oidc` to the provider, which answers it itself. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    if (!this.current) throw new Error('The OpenID Provider is not built yet');
    void this.current.handle(request, response);
  }

  /** Seconds a retiring key stays published: the longest-lived token it signed must still verify. */
  get retireAfterSeconds(): number {
    return Math.max(this.config.ACCESS_TOKEN_TTL_SECONDS, idTokenTtlSeconds) + 120;
  }

  /** Rereads keys and rebuilds the provider when the published set changed (a rotation, a key retiring). */
  async reload(): Promise<void> {
    const { signingKeys, cookieKeys, nextActivation } = await this.loadSecrets();
    // A published key that is not signing yet takes over at its activation time: rebuild then, in order.
    clearTimeout(this.activationTimer);
    if (nextActivation) {
      this.activationTimer = setTimeout(
        () => {
          this.reload().catch((error: unknown) => this.logger.warn({ error }, 'signing keys could not be reread'));
        },
        Math.max(0, nextActivation.getTime() - Date.now()) + 50,
      );
      this.activationTimer.unref();
    }
    const kids = signingKeys.map((key) => key.kid).join(',');
    if (this.current?.kids === kids) return;
    const provider = this.build(signingKeys, cookieKeys);
    this.current = { provider, handle: provider.callback(), kids };
    this.logger.log({ kids }, 'OpenID Provider keys loaded');
  }

  private async loadSecrets(): Promise<{ signingKeys: JWK[]; cookieKeys: string[]; nextActivation?: Date }> {
    return this.transactions.run(async (tx) => {
      const cookieKey = await this.keys.secret(tx, 'cookie-key', () => randomBytes(32).toString('base64url'));
      if (this.config.OIDC_SIGNING_KEYS) {
        return { signingKeys: parseConfiguredKeys(this.config.OIDC_SIGNING_KEYS), cookieKeys: [cookieKey] };
      }
      let published = await this.keys.published(tx);
      if (published.length === 0) {
        await this.keys.lock(tx);
        published = await this.keys.published(tx);
        if (published.length === 0) {
          await this.keys.insert(tx, await generateSigningKey());
          published = await this.keys.published(tx);
        }
      }
      const now = Date.now();
      const pending = published.filter((key) => new Date(key.activatedAt).getTime() > now);
      return {
        signingKeys: published.map((key) => key.privateJwk),
        cookieKeys: [cookieKey],
        nextActivation: pending.length > 0 ? new Date(pending[0].activatedAt) : undefined,
      };
    });
  }

  private build(signingKeys: JWK[], cookieKeys: string[]): Provider {
    const { config } = this;
    const redirectUris = config.OIDC_CONSOLE_REDIRECT_URIS.split(',');
    const allowedOrigins = new Set(redirectUris.map((uri) => new URL(uri).origin));
    const audience = config.OIDC_AUDIENCE;
    const users = this.users;
    const memberships = this.memberships;
    const reader = () => this.transactions.reader;
    const devTokens = config.IDENTITY_DEV_TOKENS === 'enabled';

    const configuration: Configuration = {
      adapter: postgresAdapter(this.transactions, this.payloads),
      clients: [
        {
          client_id: config.OIDC_CONSOLE_CLIENT_ID,
          client_name: '减负平台',
          application_type: 'web',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: redirectUris,
          post_logout_redirect_uris: redirectUris.map((uri) => new URL('/', uri).href),
          id_token_signed_response_alg: signingAlgorithm,
        },
        ...(devTokens
          ? [
              {
                client_id: config.IDENTITY_DEV_TOOLS_CLIENT_ID,
                client_secret: config.IDENTITY_DEV_TOOLS_CLIENT_SECRET,
                client_name: '减负开发工具',
                token_endpoint_auth_method: 'client_secret_basic' as const,
                grant_types: [devTokenGrantType],
                response_types: [],
                redirect_uris: [],
              },
            ]
          : []),
      ],
      jwks: { keys: signingKeys },
      cookies: { keys: cookieKeys, long: { signed: true }, short: { signed: true } },
      responseTypes: ['code'],
      scopes: ['openid', 'profile', apiScope],
      claims: { openid: ['sub'], profile: ['name'] },
      enabledJWA: { idTokenSigningAlgValues: [signingAlgorithm] },
      pkce: { required: () => true },
      rotateRefreshToken: true,
      // Refresh tokens without `offline_access`: they end with the session, so signing out ends them too.
      issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
      async findAccount(_ctx, sub) {
        const user = await users.find(reader(), sub);
        // A disabled user's refresh is refused here: the provider finds no account behind the grant.
        if (!user || user.status !== 'active') return undefined;
        return { accountId: user.id, claims: () => ({ sub: user.id, name: user.displayName }) };
      },
      async extraTokenClaims(_ctx, token) {
        if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
        if (token.gty === devTokenGrantType) return devTokenClaims(token);
        const user = await users.find(reader(), token.accountId);
        if (!user) return undefined;
        const claims = principalClaims(
          user,
          await users.activeAssignments(reader(), user.id),
          await memberships.find(reader(), user.id),
        );
        return claims ? { ...claims } : undefined;
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        revocation: { enabled: true },
        rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: signedOutPage },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => audience,
          useGrantedResource: () => true,
          getResourceServerInfo(_ctx, indicator) {
            if (indicator !== audience) throw new errors.InvalidTarget();
            return {
              scope: apiScope,
              audience,
              accessTokenTTL: config.ACCESS_TOKEN_TTL_SECONDS,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: signingAlgorithm } },
            };
          },
        },
      },
      ttl: {
        AccessToken: config.ACCESS_TOKEN_TTL_SECONDS,
        AuthorizationCode: 60,
        IdToken: idTokenTtlSeconds,
        Interaction: 600,
        Grant: config.REFRESH_TOKEN_TTL_SECONDS,
        RefreshToken: config.REFRESH_TOKEN_TTL_SECONDS,
        Session: config.SESSION_TTL_SECONDS,
      },
      renderError: errorPage,
    };
    const provider = new Provider(config.OIDC_ISSUER, configuration);
    if (devTokens) {
      registerDevTokenGrant(provider, {
        audience,
        scope: apiScope,
        signingAlgorithm,
        maxLifetimeSeconds: config.IDENTITY_DEV_TOKEN_MAX_SECONDS,
        issued: (ctx, principal, lifetimeSeconds) =>
          this.transactions.run((tx) =>
            this.audit.append(tx, {
              action: 'dev-token.issued',
              actorId: config.IDENTITY_DEV_TOOLS_CLIENT_ID,
              userId: null,
              loginName: null,
              remoteAddress: ctx.ip,
              // Who for, as what, where and how long; the stated streets and communities are the token's business.
              detail: {
                sub: principal.userId,
                roles: principal.roles,
                districtCode: principal.scope.districtCode,
                lifetimeSeconds,
              },
              districtCode: principal.scope.districtCode,
            }),
          ),
      });
    }
    provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => {
      this.logger.error({ error }, 'OpenID Provider failed a request');
    });
    return provider;
  }
}

const idTokenTtlSeconds = 300;
