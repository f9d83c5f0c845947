import { expect } from '@jest/globals';
import { IdentityConfig, IdentityModule } from '@jianfu/identity';
import { type OrganisationScope, type Role, Roles } from '@jianfu/platform';
import {
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
}

/** The identity service with the gateway's callback among its console client's redirect URIs. */
export async function startIdentityForGateway(
  isolation: TestIsolation,
  gateway: GatewayAddress,
  extra: Record<string, string> = {},
): Promise<IdentityForGateway> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}/oidc`;
  const service = await startServiceUnderTest({
    configClass: IdentityConfig,
    environment: serviceEnvironment(isolation, 'identity', {
      OIDC_ISSUER: issuer,
      OIDC_CONSOLE_REDIRECT_URIS: gateway.redirectUri,
      ...extra,
    }),
    module: (config) => IdentityModule.forApi(config),
    port,
  });
  return { ...service, issuer };
}

const administrator = principal([Roles.OrganizationAdmin]);

/** A user with roles in one scope, created by an administrator; signs in with `initialPassword` (then changes it). */
export async function createUser(
  identity: IdentityForGateway,
  user: { loginName: string; displayName: string; roles: Role[]; scope?: Partial<OrganisationScope> },
): Promise<{ id: string; loginName: string; password: string }> {
  const password = 'Initial-pass-1';
  const created = await identity.http.request<{ id: string }>('POST', '/users', {
    as: administrator,
    body: { loginName: user.loginName, displayName: user.displayName, initialPassword: password },
  });
  expect(created.status).toBe(201);
  for (const role of user.roles) {
    const assigned = await identity.http.request('POST', `/users/${created.body.id}/role-assignments`, {
      as: administrator,
      body: { role, scope: { districtCode: testDistrictCode, ...user.scope } },
    });
    expect(assigned.status).toBe(201);
  }
  return { id: created.body.id, loginName: user.loginName, password };
}
