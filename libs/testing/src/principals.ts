import { type Principal, type Role } from '@jianfu/platform';

export const testDistrictCode = '350102';

/** A principal for tests; scope defaults to the whole test district. */
export function principal(
  roles: Role[],
  scope: Partial<Principal['scope']> = {},
  userId = `user-${roles.join('+')}`,
): Principal {
  return { userId, name: userId, roles, scope: { districtCode: testDistrictCode, ...scope } };
}
