import { type OrganisationScope, type Role, Roles } from '@jianfu/platform';

export const demoDistrictCode = '350102';

/** Where a demo user's scope points, by the codes of the demo district (apps/organization/src/demo). */
export type DemoScope =
  | { kind: 'district' }
  | { kind: 'street'; streetCode: string }
  | { kind: 'community'; communityCode: string }
  | { kind: 'department'; departmentCode: string };

export interface DemoUser {
  loginName: string;
  displayName: string;
  role: Role;
  scope: DemoScope;
  /** What the user does, for the list printed once. */
  description: string;
}

/** One user per role and scope of the demo district 鼓楼区 (350102), to sign in as at the console. */
export const demoUsers: DemoUser[] = [
  {
    loginName: 'demo.clerk',
    displayName: '林晓燕',
    role: Roles.DepartmentSubmitter,
    scope: { kind: 'department', departmentCode: 'GL-MZJ' },
    description: '区民政局经办人: submits tasks for the department',
  },
  {
    loginName: 'demo.reviewer',
    displayName: '陈志强',
    role: Roles.AdmissionReviewer,
    scope: { kind: 'street', streetCode: '350102001' },
    description: '鼓东街道审核员: reviews tasks for the street',
  },
  {
    loginName: 'demo.committee',
    displayName: '黄建国',
    role: Roles.AdmissionCommittee,
    scope: { kind: 'district' },
    description: '准入审核委员会: the final admission decision',
  },
  {
    loginName: 'demo.secretary1',
    displayName: '郑丽华',
    role: Roles.CommunitySecretary,
    scope: { kind: 'community', communityCode: '350102001001' },
    description: '鼓东路社区书记',
  },
  {
    loginName: 'demo.secretary2',
    displayName: '吴海燕',
    role: Roles.CommunitySecretary,
    scope: { kind: 'community', communityCode: '350102002001' },
    description: '西湖社区书记',
  },
  {
    loginName: 'demo.finance',
    displayName: '刘明',
    role: Roles.FinanceOfficer,
    scope: { kind: 'district' },
    description: '区财政局: budgets, funds and payouts',
  },
  {
    loginName: 'demo.hr',
    displayName: '张敏',
    role: Roles.HrOfficer,
    scope: { kind: 'district' },
    description: '区委组织部: community workers, assessments, pay',
  },
  {
    loginName: 'demo.leader',
    displayName: '王书记',
    role: Roles.DistrictLeader,
    scope: { kind: 'district' },
    description: '区领导: district-wide overview',
  },
  {
    loginName: 'demo.admin',
    displayName: '赵管理员',
    role: Roles.OrganizationAdmin,
    scope: { kind: 'district' },
    description: '组织架构与用户管理',
  },
];

/** The identity scope of a demo user: department users get their department from organization, not from here. */
export function identityScope(scope: DemoScope, ids: { communityId(code: string): string }): OrganisationScope {
  switch (scope.kind) {
    case 'street':
      return { districtCode: demoDistrictCode, streetCodes: [scope.streetCode] };
    case 'community':
      return { districtCode: demoDistrictCode, communityIds: [ids.communityId(scope.communityCode)] };
    default:
      return { districtCode: demoDistrictCode };
  }
}
