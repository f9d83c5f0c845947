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
}

export function userView(user: User, assignments: RoleAssignment[], now = new Date()): UserView {
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
  };
}
