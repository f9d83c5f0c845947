import { hasRole, NotFoundError, type Principal, Roles, ScopeError } from '@jianfu/platform';
import type { Submission } from './submission.js';

/** Roles that read every submission of their district. */
export const districtReaders = [
  Roles.AdmissionReviewer,
  Roles.AdmissionCommittee,
  Roles.DistrictLeader,
  Roles.FinanceOfficer,
] as const;

/**
 * Who may see a submission: its department, the communities it targets, and the district's reviewers,
 * committee members, leaders and finance. Seeing is not acting: the review's slots say who may decide.
 */
export function canSee(actor: Principal, submission: Submission): boolean {
  if (actor.scope.districtCode !== submission.districtCode) return false;
  if (hasRole(actor, ...districtReaders)) return true;
  if (hasRole(actor, Roles.DepartmentSubmitter) && actor.scope.departmentId === submission.departmentId) return true;
  if (hasRole(actor, Roles.CommunitySecretary) && submission.status !== 'draft') {
    return submission.targetCommunityIds.some((id) => actor.scope.communityIds?.includes(id));
  }
  return false;
}

export function assertVisible(actor: Principal, submission: Submission | null, id: string): Submission {
  if (!submission || !canSee(actor, submission)) throw new NotFoundError('submission', id);
  return submission;
}

/** The department that owns a submission is the only one that may edit, submit or resubmit it. */
export function assertOwnDepartment(actor: Principal, submission: Submission): void {
  if (!hasRole(actor, Roles.DepartmentSubmitter) || actor.scope.departmentId !== submission.departmentId) {
    throw new ScopeError('Only the submitting department may change this submission');
  }
}
