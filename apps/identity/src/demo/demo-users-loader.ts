/** The demo district's users: one per role of the daily work, scoped to the demo district's own units. */
export interface DemoUser {
  loginName: string;
  displayName: string;
  role: string;
  scope: { districtCode: string; departmentId?: string; communityIds?: string[] };
  /** Where the scope points, for the printed table. */
  unit: string;
}

export const demoDistrictCode = '350102';
/** Replaced at the first sign-in, as every initial password is. */
export const demoInitialPassword = 'Demo-pass-2027';

interface Page<T> {
  items: T[];
}

async function call<T>(
  url: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Reads the demo district's departments and communities from organization and names a user for each role. */
export async function demoUsers(organizationUrl: string, token: string): Promise<DemoUser[]> {
  const departments = await call<Page<{ id: string; name: string }>>(`${organizationUrl}/departments?limit=200`, token);
  const communities = await call<Page<{ id: string; name: string }>>(`${organizationUrl}/communities?limit=200`, token);
  if (departments.status !== 200 || communities.status !== 200) {
    throw new Error(`organization answered ${departments.status}/${communities.status}; load the demo district first`);
  }
  const department = departments.body.items.find((entry) => entry.name.includes('民政')) ?? departments.body.items[0];
  const [first, second] = communities.body.items;
  if (!department || !first || !second) throw new Error('the demo district has no departments or communities yet');
  const district = { districtCode: demoDistrictCode };
  return [
    {
      loginName: 'demo-clerk',
      displayName: `${department.name}经办人`,
      role: 'department-submitter',
      scope: { ...district, departmentId: department.id },
      unit: department.name,
    },
    {
      loginName: 'demo-reviewer',
      displayName: '区民政审核人',
      role: 'admission-reviewer',
      scope: district,
      unit: '全区',
    },
    {
      loginName: 'demo-committee',
      displayName: '审核委员会委员',
      role: 'admission-committee',
      scope: district,
      unit: '全区',
    },
    ...[first, second].map((community, index) => ({
      loginName: `demo-secretary-${index + 1}`,
      displayName: `${community.name}书记`,
      role: 'community-secretary',
      scope: { ...district, communityIds: [community.id] },
      unit: community.name,
    })),
    {
      loginName: 'demo-finance',
      displayName: '区财政局经办人',
      role: 'finance-officer',
      scope: district,
      unit: '全区',
    },
    { loginName: 'demo-hr', displayName: '区委组织部干部', role: 'hr-officer', scope: district, unit: '全区' },
    { loginName: 'demo-leader', displayName: '区领导', role: 'district-leader', scope: district, unit: '全区' },
  ];
}

/** Creates each user with its role in the identity service; a user already there is left as it is. */
export async function loadDemoUsers(
  identityUrl: string,
  organizationUrl: string,
  token: string,
): Promise<{ users: DemoUser[]; created: number; existing: number }> {
  const users = await demoUsers(organizationUrl, token);
  let created = 0;
  let existing = 0;
  for (const user of users) {
    const answer = await call<{ id: string }>(`${identityUrl}/users`, token, {
      method: 'POST',
      body: { loginName: user.loginName, displayName: user.displayName, initialPassword: demoInitialPassword },
    });
    if (answer.status === 409) {
      existing += 1;
      continue;
    }
    if (answer.status !== 201) throw new Error(`identity answered ${answer.status} creating ${user.loginName}`);
    const assigned = await call(`${identityUrl}/users/${answer.body.id}/role-assignments`, token, {
      method: 'POST',
      body: { role: user.role, scope: user.scope },
    });
    if (assigned.status !== 201) throw new Error(`identity answered ${assigned.status} assigning ${user.role}`);
    created += 1;
  }
  return { users, created, existing };
}
