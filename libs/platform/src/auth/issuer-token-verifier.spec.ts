import { describe, expect, it } from '@jest/globals';
import { principalFromIssuerClaims } from './issuer-token-verifier.js';
import { Roles } from './principal.js';

const platformMapping = { rolesClaim: 'roles', scopeClaim: 'org_scope' };

describe('principalFromIssuerClaims', () => {
  it('reads the platform issuer’s claims', () => {
    expect(
      principalFromIssuerClaims(
        {
          sub: 'u-1',
          name: '李明',
          roles: [Roles.CommunitySecretary],
          org_scope: { districtCode: '350102', communityIds: ['c-1'] },
        },
        platformMapping,
      ),
    ).toEqual({
      userId: 'u-1',
      name: '李明',
      roles: [Roles.CommunitySecretary],
      scope: { districtCode: '350102', communityIds: ['c-1'] },
    });
  });

  it('reads a Keycloak token’s realm roles, ignoring roles the platform does not know', () => {
    const keycloak = {
      sub: 'kc-7',
      preferred_username: 'wang.fang',
      realm_access: { roles: ['offline_access', 'default-roles-jianfu', Roles.FinanceOfficer] },
      org_scope: { districtCode: '350102' },
    };
    expect(principalFromIssuerClaims(keycloak, { rolesClaim: 'realm_access.roles', scopeClaim: 'org_scope' })).toEqual({
      userId: 'kc-7',
      name: 'wang.fang',
      roles: [Roles.FinanceOfficer],
      scope: { districtCode: '350102' },
    });
  });

  it('gives no principal without a known role, a district, or well-formed lists', () => {
    const scope = { districtCode: '350102' };
    expect(principalFromIssuerClaims({ sub: 'u', roles: ['emperor'], org_scope: scope }, platformMapping)).toBeNull();
    expect(principalFromIssuerClaims({ sub: 'u', roles: [Roles.HrOfficer] }, platformMapping)).toBeNull();
    expect(principalFromIssuerClaims({ sub: 'u', roles: 'hr-officer', org_scope: scope }, platformMapping)).toBeNull();
    expect(
      principalFromIssuerClaims(
        { sub: 'u', roles: [Roles.HrOfficer], org_scope: { districtCode: '350102', streetCodes: [1, 2] } },
        platformMapping,
      ),
    ).toEqual({ userId: 'u', name: 'u', roles: [Roles.HrOfficer], scope: { districtCode: '350102' } });
  });
});
