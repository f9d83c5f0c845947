import { describe, expect, it } from '@jest/globals';
import { type Principal, Roles } from '@jianfu/platform';
import { maySeeSummons, type MeetingSummonsView } from './meeting-summons.js';

const summons = {
  districtCode: '350102',
  departmentId: 'd1',
  communityIds: ['c1', 'c2'],
} as MeetingSummonsView;

function actor(roles: Principal['roles'], scope: Omit<Principal['scope'], 'districtCode'>, districtCode = '350102') {
  return { userId: 'u1', name: '用户', roles, scope: { districtCode, ...scope } };
}

describe('who sees a meeting summons', () => {
  it('is its department, a secretary of a community it names, and the district’s reviewers and leaders', () => {
    expect(maySeeSummons(actor([Roles.DepartmentSubmitter], { departmentId: 'd1' }), summons)).toBe(true);
    expect(maySeeSummons(actor([Roles.DepartmentSubmitter], { departmentId: 'd2' }), summons)).toBe(false);
    expect(maySeeSummons(actor([Roles.CommunitySecretary], { communityIds: ['c2'] }), summons)).toBe(true);
    expect(maySeeSummons(actor([Roles.CommunitySecretary], { communityIds: ['c3'] }), summons)).toBe(false);
    expect(maySeeSummons(actor([Roles.AdmissionReviewer], {}), summons)).toBe(true);
    expect(maySeeSummons(actor([Roles.DistrictLeader], {}), summons)).toBe(true);
    expect(maySeeSummons(actor([Roles.FinanceOfficer], {}), summons)).toBe(false);
  });

  it('is nobody of another district', () => {
    expect(maySeeSummons(actor([Roles.AdmissionReviewer], {}, '350103'), summons)).toBe(false);
  });
});
