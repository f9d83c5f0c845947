import { parseArgs } from 'node:util';
import { allRoles, type Principal, type Role } from './principal.js';

/** The identity service's grant for tokens of a stated principal (apps/identity, `dev-token-grant.ts`). */
export const devTokenGrantType = 'urn:jianfu:params:oauth:grant-type:dev-token';

/** The identity service's dev-tools client: enabled only with `IDENTITY_DEV_TOKENS=enabled`, never in production. */
export interface DevToolsClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The principal `dev.sh token` options name: `--role admission-reviewer --district 350102 …`. */
export function devTokenRequest(argv: string[]): { principal: Principal; lifetimeSeconds: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string', default: 'dev-user' },
      name: { type: 'string', default: '开发用户' },
      role: { type: 'string', multiple: true, default: [] },
      district: { type: 'string', default: '350102' },
      street: { type: 'string', multiple: true },
      community: { type: 'string', multiple: true },
      department: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const roles = values.role.length > 0 ? values.role : [...allRoles];
  const unknown = roles.filter((role) => !allRoles.includes(role as Role));
  if (unknown.length > 0) {
    throw new Error(`Unknown role(s): ${unknown.join(', ')}. Known: ${allRoles.join(', ')}`);
  }
  const hours = Number(values.hours);
  if (!(hours > 0)) throw new Error(`--hours: a positive number is required, not ${values.hours}`);
  return {
    principal: {
      userId: values.user,
      name: values.name,
      roles: roles as Role[],
      scope: {
        districtCode: values.district,
        ...(values.street ? { streetCodes: values.street } : {}),
        ...(values.community ? { communityIds: values.community } : {}),
        ...(values.department ? { departmentId: values.department } : {}),
      },
    },
    lifetimeSeconds: Math.round(hours * 3600),
  };
}

/**
 * An access token for the stated principal, issued by the identity service to its dev-tools client (`dev.sh token`,
 * the demo loaders): signed with the issuer's key like any other token, so nothing outside the identity service
 * holds one. Fails with the issuer's own words when it refuses.
 */
export async function requestDevToken(
  client: DevToolsClient,
  principal: Principal,
  lifetimeSeconds: number,
): Promise<{ accessToken: string; expiresIn: number }> {
  const credentials = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
  let response: Response;
  try {
    response = await fetch(`${client.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: devTokenGrantType,
        sub: principal.userId,
        name: principal.name,
        roles: principal.roles.join(' '),
        org_scope: JSON.stringify(principal.scope),
        lifetime: String(lifetimeSeconds),
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`the identity service at ${client.issuer} does not answer (${(error as Error).message})`, {
      cause: error,
    });
  }
  const answer = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !answer.access_token || !answer.expires_in) {
    throw new Error(
      `the identity service refused (${response.status} ${answer.error ?? ''}): ${answer.error_description ?? ''}`,
    );
  }
  return { accessToken: answer.access_token, expiresIn: answer.expires_in };
}
