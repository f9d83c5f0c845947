import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { allRoles, type Principal, type Role, Roles, routeTable } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, type ServiceUnderTest } from '@jianfu/testing';
import { services } from './services-under-test.js';

type ServiceName = keyof typeof services;
type OpenApiDocument = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

const otherDistrict = '999999';

/**
 * Every route × every role × in and out of the caller's organisation scope, generated from each service's
 * route table, so a new route is covered the day it is written. Without a token: 401 with a Bearer
 * challenge. A role the route does not declare: 403. A declared role: never a 5xx and only a status the
 * operation documents; out of scope, never a record of the seeded community.
 */
describe('route × role × scope', () => {
  const isolation = createTestIsolation('route-matrix');
  const running: Partial<Record<ServiceName, ServiceUnderTest<never>>> = {};
  const documents: Partial<Record<ServiceName, OpenApiDocument>> = {};
  let communityId: string;
  const departmentId = randomUUID();

  /** A caller of one role with the scope that role carries in a district: secretaries their community, … */
  function caller(role: Role, districtCode: string): Principal {
    const base = principal([role], { districtCode }, `matrix-${role}-${districtCode}`);
    if (role === Roles.CommunitySecretary) base.scope.communityIds = [communityId];
    if (role === Roles.DepartmentSubmitter) base.scope.departmentId = departmentId;
    return base;
  }

  beforeAll(async () => {
    for (const name of Object.keys(services) as ServiceName[]) {
      running[name] = (await services[name].start(isolation)) as unknown as ServiceUnderTest<never>;
      const response = await fetch(`${running[name].http.baseUrl}/docs/openapi.json`);
      documents[name] = (await response.json()) as OpenApiDocument;
    }
    const organization = running.organization!;
    const admin = principal([Roles.OrganizationAdmin]);
    expect(
      (await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-M', name: '矩阵街道' } }))
        .status,
    ).toBe(201);
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'C-M', name: '矩阵社区', streetCode: 'S-M', partyMemberCount: 30 },
    });
    expect(created.status).toBe(201);
    communityId = created.body.communityId;
    // The other services learn the community from organization's events, as in production.
    const finance = running.finance!;
    await eventually(async () => {
      const seen = await finance.http.request<{ total: number }>('GET', `/reports/communities/${communityId}`, {
        as: principal([Roles.FinanceOfficer]),
      });
      expect(seen.status).not.toBe(404);
    });
  });

  afterAll(async () => {
    await Promise.all(Object.values(running).map((service) => service?.close()));
  });

  function concretePath(path: string): string {
    return path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      name === 'communityId' ? communityId : name.toLowerCase().endsWith('id') ? randomUUID() : 'NO-SUCH-CODE',
    );
  }

  it.each(Object.keys(services) as ServiceName[])('%s answers every route as its access rules say', async (name) => {
    const service = running[name]!;
    const document = documents[name]!;
    const routes = routeTable(service.app).filter((route) => route.access !== 'public');
    expect(routes.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const route of routes) {
      const label = `${route.method} ${route.path}`;
      const path = concretePath(route.path);
      const documented = Object.keys(document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {});
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const anonymous = await service.http.request(route.method, path, { body });
      if (anonymous.status !== 401 || !anonymous.headers.get('www-authenticate')?.startsWith('Bearer')) {
        wrong.push(`${label} without a token: ${anonymous.status}`);
      }
      for (const role of allRoles) {
        const declared = route.access !== 'undeclared' && route.access.includes(role);
        for (const districtCode of ['350102', otherDistrict]) {
          const answer = await service.http.request<{ code?: string; items?: unknown[] }>(route.method, path, {
            as: caller(role, districtCode),
            body,
          });
          const who = `${label} as ${role}${districtCode === otherDistrict ? ' out of scope' : ''}`;
          if (!declared) {
            if (answer.status !== 403) wrong.push(`${who}: ${answer.status}, expected 403`);
            continue;
          }
          if (answer.status >= 500) wrong.push(`${who}: ${answer.status}`);
          else if (!documented.includes(String(answer.status)))
            wrong.push(`${who}: ${answer.status} is not documented`);
          if (districtCode === otherDistrict && route.path.includes('{communityId}') && answer.status < 300) {
            wrong.push(`${who}: ${answer.status} for another district’s community`);
          }
          if (
            districtCode === otherDistrict &&
            answer.status < 300 &&
            JSON.stringify(answer.body).includes(communityId)
          ) {
            wrong.push(`${who}: the answer names another district’s community`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
