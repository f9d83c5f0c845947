import type { OrganisationScope, Role } from '@jianfu/platform';
import type { RoleAssignment, User, UserStatus } from './user.js';

/** A user as administrators see it: never the password hash. */
export interface UserView {
  id: string;
  loginName: string;
  displayName: string;
  phone: string | null;
  status: UserStatus;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  assignments: { id: string; role: Role; scope: OrganisationScope; assignedBy: string; assignedAt: string }[];
  /** The department the organization service put the user on (by event), which their tokens name; else null. */
  department: { departmentId: string; districtCode: string; role: string; assignedAt: string } | null;
}

/** A department membership as the organization service announced it. */
export interface UserDepartment {
  departmentId: string;
  districtCode: string;
  role: string;
  assignedAt: Date;
}

export function userView(
  user: User,
  assignments: RoleAssignment[],
  department: UserDepartment | null,
  now = new Date(),
): UserView {
  const lockedUntil = user.lockedUntil && new Date(user.lockedUntil) > now ? new Date(user.lockedUntil) : null;
  return {
    id: user.id,
    loginName: user.loginName,
    displayName: user.displayName,
    phone: user.phone,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    createdAt: new Date(user.createdAt).toISOString(),
    assignments: assignments.map((assignment) => ({
      id: assignment.id,
      role: assignment.role,
      scope: assignment.scope,
      assignedBy: assignment.assignedBy,
      assignedAt: new Date(assignment.assignedAt).toISOString(),
    })),
    department: department && {
      departmentId: department.departmentId,
      districtCode: department.districtCode,
      role: department.role,
      assignedAt: new Date(department.assignedAt).toISOString(),
    },
  };
}
