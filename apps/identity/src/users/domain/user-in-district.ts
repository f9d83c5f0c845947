import { DomainError, type OrganisationScope, type Principal } from '@jianfu/platform';
import type { RoleAssignment } from './user.js';
import { UserErrors } from './users.errors.js';

/** An administrator manages the users of its own district: their assignments must all lie in it. */
export function assertUserInDistrict(actor: Principal, assignments: RoleAssignment[]): void {
  const outside = assignments.find((assignment) => assignment.scope.districtCode !== actor.scope.districtCode);
  if (outside) {
    throw DomainError.of(UserErrors['user.out-of-district'], 'The user holds roles in another district');
  }
}

export function assertScopeInDistrict(actor: Principal, scope: OrganisationScope): void {
  if (scope.districtCode !== actor.scope.districtCode) {
    throw DomainError.of(
      UserErrors['user.out-of-district'],
      `scope.districtCode: ${scope.districtCode} is not the administrator’s district`,
      { field: 'scope.districtCode' },
    );
  }
}
