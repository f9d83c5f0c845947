import { describe, expect, it } from '@jest/globals';
import type { DirectoryCommunity } from '@jianfu/community-directory';
import { NotFoundError, type Principal, Roles } from '@jianfu/platform';
import { communityInScope, communityOfDistrict } from './community-scope.js';

const community: DirectoryCommunity = {
  communityId: 'c1',
  code: 'GL-001',
  name: '东街社区',
  streetCode: 'GL-DJ',
  districtCode: '350102',
  asOf: new Date('2026-01-01T00:00:00Z'),
};

function actor(scope: Principal['scope']): Principal {
  return { userId: 'u1', name: '经办人', roles: [Roles.CommunitySecretary], scope };
}

describe('the gate’s community scope', () => {
  it('answers a community of another district, or none, as missing (404), so existence is not probed', () => {
    expect(() => communityOfDistrict(community, 'c1', actor({ districtCode: '350103' }))).toThrow(NotFoundError);
    expect(() => communityOfDistrict(undefined, 'c1', actor({ districtCode: '350102' }))).toThrow(NotFoundError);
    expect(communityOfDistrict(community, 'c1', actor({ districtCode: '350102' }))).toBe(community);
  });

  it('lets a department assign to any community of its district, but a narrowed user read only its own', () => {
    const elsewhere = actor({ districtCode: '350102', communityIds: ['c2'] });
    expect(communityOfDistrict(community, 'c1', elsewhere)).toBe(community);
    expect(() => communityInScope(community, 'c1', elsewhere)).toThrow(NotFoundError);
    expect(communityInScope(community, 'c1', actor({ districtCode: '350102', communityIds: ['c1'] }))).toBe(community);
    expect(() => communityInScope(community, 'c1', actor({ districtCode: '350102', streetCodes: ['GL-XJ'] }))).toThrow(
      NotFoundError,
    );
  });
});
