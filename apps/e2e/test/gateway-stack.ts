import { expect } from '@jest/globals';
import { IdentityConfig, IdentityModule } from '@jianfu/identity';
import { type OrganisationScope, type Role, Roles } from '@jianfu/platform';
import { DepartmentUserAssigned } from '@jianfu/contracts';
import {
  DevTokens,
  devToolsOf,
  eventually,
  publishForeignEvent,
  freePort,
  type GatewayAddress,
  principal,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  testDistrictCode,
  type TestIsolation,
} from '@jianfu/testing';

export interface IdentityForGateway extends ServiceUnderTest<IdentityConfig> {
  issuer: string;
  /** Tokens from this identity service, for the test clients of the services that trust it. */
  tokens: DevTokens;
}

/**
 * The identity service with the gateway's callback among its console client's redirect URIs. The services of the
 * stack trust it alone, so their test clients get tokens from it, by its dev-tools client enabled for this start.
 */
export async function startIdentityForGateway(
  isolation: TestIsolation,
  gateway: GatewayAddress,
  extra: Record<string, string> = {},
): Promise<IdentityForGateway> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}/oidc`;
  const { tokens, environment: devToolsEnvironment } = devToolsOf(issuer);
  const service = await startServiceUnderTest({
    configClass: IdentityConfig,
    environment: serviceEnvironment(isolation, 'identity', {
      OIDC_ISSUER: issuer,
      OIDC_CONSOLE_REDIRECT_URIS: gateway.redirectUri,
      ...devToolsEnvironment,
      ...extra,
    }),
    module: (config) => IdentityModule.forApi(config),
    port,
    tokens,
  });
  return { ...service, issuer, tokens };
}

const administrator = principal([Roles.OrganizationAdmin]);

/** A user with roles in one scope, created by an administrator; signs in with `initialPassword` (then changes it). */
export async function createUser(
  isolation: TestIsolation,
  identity: IdentityForGateway,
  user: { loginName: string; displayName: string; roles: Role[]; scope?: Partial<OrganisationScope> },
): Promise<{ id: string; loginName: string; password: string }> {
  const password = 'Initial-pass-1';
  const created = await identity.http.request<{ id: string }>('POST', '/users', {
    as: administrator,
    body: { loginName: user.loginName, displayName: user.displayName, initialPassword: password },
  });
  expect(created.status).toBe(201);
  const { departmentId, ...scope } = user.scope ?? {};
  for (const role of user.roles) {
    const assigned = await identity.http.request('POST', `/users/${created.body.id}/role-assignments`, {
      as: administrator,
      body: { role, scope: { districtCode: testDistrictCode, ...scope } },
    });
    expect(assigned.status).toBe(201);
  }
  if (departmentId) {
    // A department comes only from organization's department users: announce it, and wait until identity has it.
    await publishForeignEvent(isolation, DepartmentUserAssigned, created.body.id, {
      departmentId,
      districtCode: testDistrictCode,
      userId: created.body.id,
      name: user.displayName,
      role: '经办人',
      assignedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const read = await identity.http.request<{ department: { departmentId: string } | null }>(
        'GET',
        `/users/${created.body.id}`,
        { as: administrator },
      );
      expect(read.body.department?.departmentId).toBe(departmentId);
    });
  }
  return { id: created.body.id, loginName: user.loginName, password };
}
