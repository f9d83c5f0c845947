import { decodeJwt } from 'jose';
import { allRoles, type OrganisationScope, type Principal, type Role } from '@jianfu/platform';

/** Who a session belongs to, as the console shows it: the platform's principal from the access token. */
export type SessionUser = Principal;

function asScope(value: unknown): OrganisationScope {
  const scope = (value ?? {}) as Record<string, unknown>;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : undefined;
  return {
    districtCode: typeof scope.districtCode === 'string' ? scope.districtCode : '',
    ...(strings(scope.streetCodes) ? { streetCodes: strings(scope.streetCodes) } : {}),
    ...(strings(scope.communityIds) ? { communityIds: strings(scope.communityIds) } : {}),
    ...(typeof scope.departmentId === 'string' ? { departmentId: scope.departmentId } : {}),
  };
}

/**
 * The user of an access token the gateway just received from the identity service's token endpoint (it came over
 * the back channel, so it is read, not verified; the services verify it on every call). Roles and scope are for the
 * console to lay out its pages and for the gateway to address notifications; the services remain the authority.
 */
export function sessionUserFromAccessToken(accessToken: string, fallbackName?: string): SessionUser {
  const claims = decodeJwt(accessToken);
  const known = new Set<string>(allRoles);
  const roles = (Array.isArray(claims.roles) ? claims.roles : []).filter(
    (role): role is Role => typeof role === 'string' && known.has(role),
  );
  return {
    userId: String(claims.sub ?? ''),
    name: typeof claims.name === 'string' ? claims.name : (fallbackName ?? ''),
    roles,
    scope: asScope(claims.org_scope),
  };
}

/** Seconds since the epoch at which the access token expires. */
export function accessTokenExpiry(accessToken: string): Date {
  const { exp } = decodeJwt(accessToken);
  return new Date((exp ?? Math.floor(Date.now() / 1000)) * 1000);
}
