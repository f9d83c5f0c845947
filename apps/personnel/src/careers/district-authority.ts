import { type Principal, ScopeError } from '@jianfu/platform';

/** District-wide settings (career rules, establishment places) belong to users with district-wide scope. */
export function assertDistrictWide(actor: Principal): void {
  if (actor.scope.streetCodes || actor.scope.communityIds || actor.scope.departmentId) {
    throw new ScopeError('Only a district-wide user may change the district’s career rules and places');
  }
}
