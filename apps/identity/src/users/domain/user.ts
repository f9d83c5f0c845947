import { allRoles, type OrganisationScope, type Role } from '@jianfu/platform';

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export interface User {
  id: string;
  loginName: string;
  displayName: string;
  phone: string | null;
  status: UserStatus;
  passwordHash: string;
  mustChangePassword: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

export interface RoleAssignment {
  id: string;
  userId: string;
  role: Role;
  scope: OrganisationScope;
  assignedBy: string;
  assignedAt: Date;
}

/** The login name as accounts are told apart: case and surrounding space never make a second account. */
export function loginKey(loginName: string): string {
  return loginName.trim().toLowerCase();
}

export function isRole(value: string): value is Role {
  return (allRoles as readonly string[]).includes(value);
}

/** Two scopes are the same when they reach the same units, whatever the order of their lists. */
export function sameScope(a: OrganisationScope, b: OrganisationScope): boolean {
  const list = (values?: string[]) => (values ? [...values].sort().join(',') : null);
  return (
    a.districtCode === b.districtCode &&
    list(a.streetCodes) === list(b.streetCodes) &&
    list(a.communityIds) === list(b.communityIds) &&
    (a.departmentId ?? null) === (b.departmentId ?? null)
  );
}

/**
 * The claims a token carries for a user: the same shape as the platform's `Principal`. A token holds one
 * organisation scope, so all of a user's active assignments share it (assigning enforces that).
 */
export interface PrincipalClaims {
  name: string;
  roles: Role[];
  org_scope: OrganisationScope;
}

/**
 * The department comes only from the organization service's department users (`department`, by event), never from
 * an assignment: one source of who works where. A department of another district than the assignments' is ignored.
 */
export function principalClaims(
  user: Pick<User, 'displayName'>,
  assignments: RoleAssignment[],
  department: { departmentId: string; districtCode: string } | null = null,
): PrincipalClaims | null {
  if (assignments.length === 0) return null;
  const scope: OrganisationScope = { ...assignments[0].scope };
  delete scope.departmentId;
  return {
    name: user.displayName,
    roles: assignments.map((assignment) => assignment.role),
    org_scope:
      department && department.districtCode === scope.districtCode
        ? { ...scope, departmentId: department.departmentId }
        : scope,
  };
}
