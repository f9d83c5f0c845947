import { randomBytes } from 'node:crypto';
import { serviceApiClient } from '@jianfu/platform';
import { type DemoUser, demoUsers, identityScope } from './demo-users.js';

export interface DemoUsersResult {
  /** Users created by this run, with the initial password generated for each: shown once. */
  created: (DemoUser & { password: string })[];
  existing: string[];
}

/** 14 characters with a letter and a digit, as the password policy wants. */
function initialPassword(): string {
  return `${randomBytes(9).toString('base64url')}7k`;
}

/**
 * Creates the demo users at the identity service with their role and scope, and puts the department clerk on the
 * department's staff at the organization service (whose event gives the clerk's tokens the department). Needs the
 * demo district loaded. Re-running is safe: an existing user keeps its password and gets what it lacks.
 */
export async function loadDemoUsers(
  urls: { identity: string; organization: string },
  token: string,
): Promise<DemoUsersResult> {
  const identity = serviceApiClient(urls.identity, token);
  const organization = serviceApiClient(urls.organization, token);
  function expectOk(answer: { status: number; body: unknown }, what: string, allowed: number[] = []): void {
    if ((answer.status < 200 || answer.status >= 300) && !allowed.includes(answer.status)) {
      throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }

  const communities = await organization<{ items: { id: string; code: string }[] }>('GET', '/communities?limit=500');
  expectOk(communities, 'GET /communities');
  const departments = await organization<{ items: { id: string; code: string }[] }>('GET', '/departments?limit=500');
  expectOk(departments, 'GET /departments');
  const ids = {
    communityId(code: string): string {
      const found = communities.body.items.find((community) => community.code === code);
      if (!found) throw new Error(`community ${code} is missing: load the demo district first (up --demo)`);
      return found.id;
    },
    departmentId(code: string): string {
      const found = departments.body.items.find((department) => department.code === code);
      if (!found) throw new Error(`department ${code} is missing: load the demo district first (up --demo)`);
      return found.id;
    },
  };

  const users = await identity<{ items: { id: string; loginName: string }[] }>('GET', '/users?limit=500');
  expectOk(users, 'GET /users');
  const result: DemoUsersResult = { created: [], existing: [] };
  for (const demo of demoUsers) {
    let userId = users.body.items.find((user) => user.loginName.toLowerCase() === demo.loginName)?.id;
    if (userId) {
      result.existing.push(demo.loginName);
    } else {
      const password = initialPassword();
      const created = await identity<{ id: string }>('POST', '/users', {
        loginName: demo.loginName,
        displayName: demo.displayName,
        initialPassword: password,
      });
      expectOk(created, `POST /users ${demo.loginName}`);
      userId = created.body.id;
      result.created.push({ ...demo, password });
    }
    // 409: the role is held already (a re-run), or the user holds another scope (changed by hand): left alone.
    const assigned = await identity('POST', `/users/${userId}/role-assignments`, {
      role: demo.role,
      scope: identityScope(demo.scope, ids),
    });
    expectOk(assigned, `POST /users/${demo.loginName}/role-assignments`, [409]);
    if (demo.scope.kind === 'department') {
      const staffed = await organization(
        'PUT',
        `/departments/${ids.departmentId(demo.scope.departmentCode)}/users/${userId}`,
        { name: demo.displayName, role: demo.role },
      );
      expectOk(staffed, `PUT /departments/${demo.scope.departmentCode}/users/${demo.loginName}`, [409]);
    }
  }
  return result;
}
