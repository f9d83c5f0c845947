import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { PlatformConfig } from '../config/platform-config.js';
import { allRoles, type OrganisationScope, type Principal, type Role } from './principal.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/** The asymmetric algorithms an issuer may sign with; `none` and HMAC are never taken from an issuer. */
const issuerAlgorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies bearer tokens: access tokens of the configured OpenID issuer (`OIDC_ISSUER`), by its published keys: the JWKS named
 * in its discovery document, fetched once and cached (jose refetches on an unknown key id, at most every 30 s).
 * The issuer being down stops nothing that the cached keys can verify. Issuer, audience, expiry and the
 * platform's claims (`roles`, `org_scope`) are checked; any failure is the same 401. A token that passed is
 * remembered until its expiry (`OIDC_VERIFIED_TOKEN_CACHE_SIZE` tokens at most), so its signature is checked once.
 */
@Injectable()
export class IssuerTokenVerifier {
  private readonly logger = new Logger(IssuerTokenVerifier.name);
  private keySet?: Promise<RemoteKeySet>;
  private readonly verified: VerifiedTokenCache;

  constructor(private readonly config: PlatformConfig) {
    this.verified = new VerifiedTokenCache(config.OIDC_VERIFIED_TOKEN_CACHE_SIZE);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    const issuer = this.config.OIDC_ISSUER;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keys(issuer), {
        issuer,
        audience: this.config.OIDC_AUDIENCE,
        algorithms: issuerAlgorithms,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'issuer token rejected');
      throw new UnauthorizedException('Bearer token rejected');
    }
    const principal = principalFromIssuerClaims(payload, {
      rolesClaim: this.config.OIDC_ROLES_CLAIM,
      scopeClaim: this.config.OIDC_SCOPE_CLAIM,
    });
    if (!principal) throw new UnauthorizedException('Bearer token lacks roles or organisation scope');
    // `requiredClaims` made sure of `exp`.
    this.verified.set(token, principal, payload.exp as number);
    return principal;
  }

  private keys(issuer: string): Promise<RemoteKeySet> {
    this.keySet ??= (async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
      if (discovery.issuer !== issuer || !discovery.jwks_uri) throw new Error('discovery names another issuer');
      return createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: 5000 });
    })().catch((error: unknown) => {
      // Not cached: the next request asks the issuer again.
      this.keySet = undefined;
      throw error;
    });
    return this.keySet;
  }
}

/** The claim at a dot path (`realm_access.roles`), or undefined. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const name of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/**
 * The platform's principal from a verified issuer token: the roles the platform knows (others, such as an IdP's
 * `offline_access`, are ignored) and the organisation scope, each read where the configuration says. Null when
 * the token carries no known role or no district: such a caller may do nothing here.
 */
export function principalFromIssuerClaims(
  claims: JWTPayload,
  mapping: { rolesClaim: string; scopeClaim: string },
): Principal | null {
  const roles = (stringList(claimAt(claims, mapping.rolesClaim)) ?? []).filter((role): role is Role =>
    (allRoles as readonly string[]).includes(role),
  );
  const raw = claimAt(claims, mapping.scopeClaim) as Record<string, unknown> | undefined;
  if (roles.length === 0 || typeof claims.sub !== 'string' || typeof raw?.districtCode !== 'string') return null;
  const scope: OrganisationScope = { districtCode: raw.districtCode };
  const streetCodes = stringList(raw.streetCodes);
  const communityIds = stringList(raw.communityIds);
  if (streetCodes) scope.streetCodes = streetCodes;
  if (communityIds) scope.communityIds = communityIds;
  if (typeof raw.departmentId === 'string') scope.departmentId = raw.departmentId;
  const name = [claims.name, claims.preferred_username].find((value): value is string => typeof value === 'string');
  return { userId: claims.sub, name: name ?? claims.sub, roles, scope };
}
