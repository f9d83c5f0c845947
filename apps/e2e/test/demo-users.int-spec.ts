import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadDemoUsers } from '@jianfu/identity';
import { OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import {
  BrowserSession,
  createTestIsolation,
  DevTokens,
  OidcConsoleClient,
  principal,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * `up --demo` creates one user per role and scope of the demo district at the identity service, with generated
 * initial passwords shown once, and puts the department clerk on the department's staff at organization.
 */
describe('demo users', () => {
  const isolation = createTestIsolation('demo-users');
  const admin = principal([Roles.OrganizationAdmin], {}, 'demo-loader');
  let identity: Awaited<ReturnType<typeof services.identity.start>>;
  let organization: ServiceUnderTest<OrganizationConfig>;

  beforeAll(async () => {
    identity = await services.identity.start(isolation);
    // As under dev.sh, both services trust the same issuer, so one token serves the loader at both.
    organization = await startServiceUnderTest({
      configClass: OrganizationConfig,
      environment: serviceEnvironment(isolation, 'organization', { OIDC_ISSUER: identity.devTools.issuer }),
      module: (config) => OrganizationModule.forApi(config),
      tokens: new DevTokens(identity.devTools),
    });
    // The part of the demo district the users' scopes name.
    const seed: [string, unknown][] = [
      ['/streets', { code: '350102001', name: '鼓东街道' }],
      ['/streets', { code: '350102002', name: '鼓西街道' }],
      ['/communities', { code: '350102001001', name: '鼓东路社区', streetCode: '350102001', partyMemberCount: 38 }],
      ['/communities', { code: '350102002001', name: '西湖社区', streetCode: '350102002', partyMemberCount: 64 }],
      ['/departments', { code: 'GL-MZJ', name: '区民政局' }],
    ];
    for (const [path, body] of seed) {
      expect((await organization.http.request('POST', path, { as: admin, body })).status).toBe(201);
    }
  });

  afterAll(async () => {
    await organization?.close();
    await identity?.close();
  });

  it('creates each demo user once, with its role and scope, and a password shown only then', async () => {
    const urls = { identity: identity.http.baseUrl, organization: organization.http.baseUrl };
    const token = await identity.http.token(admin);
    const first = await loadDemoUsers(urls, token);
    expect(first.created.map((user) => user.loginName)).toEqual([
      'demo.clerk',
      'demo.reviewer',
      'demo.committee',
      'demo.secretary1',
      'demo.secretary2',
      'demo.finance',
      'demo.hr',
      'demo.leader',
      'demo.admin',
    ]);
    expect(new Set(first.created.map((user) => user.password)).size).toBe(9);

    const again = await loadDemoUsers(urls, token);
    expect(again.created).toEqual([]);
    expect(again.existing).toHaveLength(9);

    const users = await identity.http.request<{
      items: {
        id: string;
        loginName: string;
        mustChangePassword: boolean;
        assignments: { role: string; scope: unknown }[];
      }[];
    }>('GET', '/users?limit=100', { as: admin });
    const byLogin = new Map(users.body.items.map((user) => [user.loginName, user]));
    const communities = await organization.http.request<{ items: { id: string; code: string }[] }>(
      'GET',
      '/communities',
      { as: admin },
    );
    const westLake = communities.body.items.find((community) => community.code === '350102002001')!.id;
    expect(byLogin.get('demo.secretary2')?.assignments).toEqual([
      expect.objectContaining({
        role: Roles.CommunitySecretary,
        scope: { districtCode: '350102', communityIds: [westLake] },
      }),
    ]);
    expect(byLogin.get('demo.reviewer')?.assignments).toEqual([
      expect.objectContaining({
        role: Roles.AdmissionReviewer,
        scope: { districtCode: '350102', streetCodes: ['350102001'] },
      }),
    ]);
    // Every assignment is held once, after two runs; the initial password is to be replaced at the first sign-in.
    for (const user of byLogin.values()) {
      if (!user.loginName.startsWith('demo.')) continue;
      expect(user.assignments).toHaveLength(1);
      expect(user.mustChangePassword).toBe(true);
    }

    const departments = await organization.http.request<{ items: { code: string; users: { userId: string }[] }[] }>(
      'GET',
      '/departments',
      { as: admin },
    );
    const civilAffairs = departments.body.items.find((department) => department.code === 'GL-MZJ')!;
    expect(civilAffairs.users.map((user) => user.userId)).toEqual([byLogin.get('demo.clerk')!.id]);

    // The printed password signs in; the first page asks for a new one.
    const reviewer = first.created.find((user) => user.loginName === 'demo.reviewer')!;
    const client = new OidcConsoleClient({
      issuer: identity.devTools.issuer,
      origin: identity.http.baseUrl,
      clientId: 'jianfu-console',
      redirectUri: 'http://127.0.0.1:5173/callback',
    });
    const { answer } = await client.signIn(new BrowserSession(), reviewer.loginName, reviewer.password);
    expect(answer.text).toContain('修改初始密码');
  });
});
