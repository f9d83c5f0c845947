import type Provider from 'oidc-provider';
import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { allRoles, type OrganisationScope, type Principal, type Role } from '@jianfu/platform';

/**
 * The grant by which scripts and tests obtain an access token for a principal they state (`dev.sh token`, the test
 * harness): only the dev-tools client may use it, and only where `IDENTITY_DEV_TOKENS=enabled`. The token is the
 * provider's own (same key, issuer, audience, claims), so services verify it like any other; nobody but the
 * identity service holds a key.
 */
export const devTokenGrantType = 'urn:jianfu:params:oauth:grant-type:dev-token';

/** Form parameters of the grant: `sub`, `name`, `roles` (space-separated), `org_scope` (JSON), `lifetime` (seconds). */
export const devTokenParameters = ['sub', 'name', 'roles', 'org_scope', 'lifetime'];

/** Stated principals, per token object, for `extraTokenClaims` to put in the token. */
const statedPrincipals = new WeakMap<object, Principal>();

export interface DevTokenGrantOptions {
  audience: string;
  scope: string;
  signingAlgorithm: 'RS256';
  maxLifetimeSeconds: number;
  issued(ctx: KoaContextWithOIDC, principal: Principal, lifetimeSeconds: number): Promise<void>;
}

export function registerDevTokenGrant(provider: Provider, options: DevTokenGrantOptions): void {
  provider.registerGrantType(
    devTokenGrantType,
    async (ctx) => {
      const { client, params } = ctx.oidc;
      if (!client || !params) throw new errors.InvalidClient();
      const principal = statedPrincipal(params);
      const lifetime = lifetimeSeconds(params.lifetime, options.maxLifetimeSeconds);
      // No grant behind it (nobody consented to anything): the token stands alone and lives out its lifetime.
      const token = new provider.AccessToken({
        client,
        accountId: principal.userId,
        gty: devTokenGrantType,
        scope: options.scope,
        expiresIn: lifetime,
        resourceServer: new provider.ResourceServer(options.audience, {
          scope: options.scope,
          audience: options.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: options.signingAlgorithm } },
        }),
      } as unknown as ConstructorParameters<Provider['AccessToken']>[0]);
      statedPrincipals.set(token, principal);
      ctx.oidc.entity('AccessToken', token);
      const value = await token.save();
      await options.issued(ctx, principal, lifetime);
      ctx.body = { access_token: value, token_type: 'Bearer', expires_in: lifetime, scope: options.scope };
    },
    devTokenParameters,
  );
}

/** The claims of a dev token (its `sub` is the stated user id), or undefined for any other token. */
export function devTokenClaims(token: object): Record<string, unknown> | undefined {
  const principal = statedPrincipals.get(token);
  if (!principal) return undefined;
  return { name: principal.name, roles: principal.roles, org_scope: principal.scope };
}

function parameter(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function invalid(description: string): never {
  throw new errors.InvalidRequest(description);
}

function statedPrincipal(params: Record<string, unknown>): Principal {
  const userId = parameter(params, 'sub');
  if (!userId || userId.length > 200) invalid('sub: a user id of at most 200 characters is required');
  const roles = (parameter(params, 'roles') ?? '').split(' ').filter((role) => role.length > 0);
  if (roles.length === 0) invalid('roles: at least one role is required');
  const unknown = roles.filter((role) => !(allRoles as readonly string[]).includes(role));
  if (unknown.length > 0) invalid(`roles: unknown role(s) ${unknown.join(', ')}; known: ${allRoles.join(', ')}`);
  return {
    userId,
    name: parameter(params, 'name') ?? userId,
    roles: [...new Set(roles)] as Role[],
    scope: organisationScope(parameter(params, 'org_scope')),
  };
}

function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    invalid(`org_scope.${field}: a list of non-empty strings is required`);
  }
  return value as string[];
}

function organisationScope(json: string | undefined): OrganisationScope {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '');
  } catch {
    invalid('org_scope: a JSON object {"districtCode": …} is required');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) invalid('org_scope: a JSON object is required');
  const { districtCode, streetCodes, communityIds, departmentId } = raw as Record<string, unknown>;
  if (typeof districtCode !== 'string' || !/^\d{6}$/.test(districtCode)) {
    invalid('org_scope.districtCode: a six-digit district code is required');
  }
  if (departmentId !== undefined && (typeof departmentId !== 'string' || departmentId.length === 0)) {
    invalid('org_scope.departmentId: a non-empty string is required');
  }
  const scope: OrganisationScope = { districtCode };
  const streets = stringList(streetCodes, 'streetCodes');
  const communities = stringList(communityIds, 'communityIds');
  if (streets) scope.streetCodes = streets;
  if (communities) scope.communityIds = communities;
  if (typeof departmentId === 'string') scope.departmentId = departmentId;
  return scope;
}

function lifetimeSeconds(value: unknown, max: number): number {
  if (value === undefined || value === '') return Math.min(3600, max);
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 60 || seconds > max) {
    invalid(`lifetime: whole seconds from 60 to ${max} are required`);
  }
  return seconds;
}
