import { describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { loginKey, principalClaims, type RoleAssignment, sameScope } from './user.js';

const assignment = (role: RoleAssignment['role'], scope: RoleAssignment['scope']): RoleAssignment => ({
  id: role,
  userId: 'u-1',
  role,
  scope,
  assignedBy: 'admin',
  assignedAt: new Date(0),
});

describe('users', () => {
  it('tells login names apart ignoring case and surrounding space', () => {
    expect(loginKey('  Zhang.San ')).toBe(loginKey('zhang.san'));
  });

  it('compares scopes by the units they reach, whatever the order of their lists', () => {
    expect(
      sameScope({ districtCode: 'd', streetCodes: ['a', 'b'] }, { districtCode: 'd', streetCodes: ['b', 'a'] }),
    ).toBe(true);
    expect(sameScope({ districtCode: 'd' }, { districtCode: 'd', streetCodes: ['a'] })).toBe(false);
    expect(sameScope({ districtCode: 'd', departmentId: 'x' }, { districtCode: 'd', departmentId: 'y' })).toBe(false);
  });

  it('turns assignments into the Principal’s claims, and none into no claims', () => {
    const scope = { districtCode: 'd', communityIds: ['c'] };
    expect(
      principalClaims({ displayName: '李明' }, [
        assignment(Roles.CommunitySecretary, scope),
        assignment(Roles.DistrictLeader, scope),
      ]),
    ).toEqual({ name: '李明', roles: [Roles.CommunitySecretary, Roles.DistrictLeader], org_scope: scope });
    expect(principalClaims({ displayName: '李明' }, [])).toBeNull();
  });

  it('takes the department only from the organization service’s department users, in the same district', () => {
    const clerk = [assignment(Roles.DepartmentSubmitter, { districtCode: 'd', departmentId: 'from-assignment' })];
    expect(principalClaims({ displayName: '王芳' }, clerk)?.org_scope).toEqual({ districtCode: 'd' });
    expect(
      principalClaims({ displayName: '王芳' }, clerk, { departmentId: 'dept-1', districtCode: 'd' })?.org_scope,
    ).toEqual({ districtCode: 'd', departmentId: 'dept-1' });
    expect(
      principalClaims({ displayName: '王芳' }, clerk, { departmentId: 'dept-2', districtCode: 'elsewhere' })?.org_scope,
    ).toEqual({ districtCode: 'd' });
  });
});
