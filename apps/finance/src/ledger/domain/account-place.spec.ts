import { describe, expect, it } from '@jest/globals';
import { type Principal, Roles } from '@jianfu/platform';
import { type AccountPlace, reachesAnyPlace, reachesEveryAccount, reachesPlace } from './account-place.js';

const officer = (scope: Partial<Principal['scope']> = {}): Principal => ({
  userId: 'u',
  name: 'u',
  roles: [Roles.FinanceOfficer],
  scope: { districtCode: '350102', ...scope },
});

const community: AccountPlace = { kind: 'community', communityId: 'c-1', streetCode: 'S-1', districtCode: '350102' };
const department: AccountPlace = { kind: 'department', departmentId: 'd-1', districtCode: '350102' };
const treasury: AccountPlace = { kind: 'district', districtCode: '350102' };

describe('reachesPlace', () => {
  it('lets a district-wide user reach everything of their district and nothing of another', () => {
    for (const place of [community, department, treasury]) expect(reachesPlace(officer(), place)).toBe(true);
    for (const place of [community, department, treasury]) {
      expect(reachesPlace(officer({ districtCode: '350199' }), place)).toBe(false);
    }
  });

  it('keeps a community or street user to their communities’ money', () => {
    const secretary = officer({ communityIds: ['c-1'] });
    expect(reachesPlace(secretary, community)).toBe(true);
    expect(reachesPlace(secretary, { ...community, communityId: 'c-2' })).toBe(false);
    expect(reachesPlace(secretary, department)).toBe(false);
    expect(reachesPlace(secretary, treasury)).toBe(false);
    expect(reachesPlace(officer({ streetCodes: ['S-1'] }), community)).toBe(true);
    expect(reachesPlace(officer({ streetCodes: ['S-2'] }), community)).toBe(false);
  });

  it('keeps a department user to their department’s money', () => {
    expect(reachesPlace(officer({ departmentId: 'd-1' }), department)).toBe(true);
    expect(reachesPlace(officer({ departmentId: 'd-2' }), department)).toBe(false);
    expect(reachesPlace(officer({ departmentId: 'd-1' }), treasury)).toBe(false);
  });

  it('reaches an account without a known place never', () => {
    expect(reachesAnyPlace(officer(), [])).toBe(false);
    expect(reachesAnyPlace(officer({ communityIds: ['c-1'] }), [department, community])).toBe(true);
  });
});

describe('reachesEveryAccount', () => {
  const places = new Map<string, AccountPlace[]>([
    ['community:c-1:base-operating', [community]],
    ['department:d-1:available', [department]],
  ]);

  it('shows a transfer only to whom every account it touches is reached', () => {
    const accounts = [{ id: 'community:c-1:base-operating' }, { id: 'department:d-1:available' }];
    expect(reachesEveryAccount(officer(), accounts, places)).toBe(true);
    expect(reachesEveryAccount(officer({ communityIds: ['c-1'] }), accounts, places)).toBe(false);
    expect(reachesEveryAccount(officer({ communityIds: ['c-1'] }), accounts.slice(0, 1), places)).toBe(true);
  });

  it('treats an account the places do not name as out of reach', () => {
    expect(reachesEveryAccount(officer(), [{ id: 'resident-unit:u-9' }], places)).toBe(false);
  });
});
