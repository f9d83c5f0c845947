import { hasRole, type Principal, Roles } from '@jianfu/platform';

/** District-wide roles see every transfer of their district; a department user only their department's. */
export function taskFundsVisibleTo(
  actor: Principal,
  owner: { districtCode: string; departmentId: string } | null,
): boolean {
  return (
    !!owner &&
    owner.districtCode === actor.scope.districtCode &&
    (hasRole(actor, Roles.FinanceOfficer, Roles.DistrictLeader, Roles.AdmissionReviewer) ||
      owner.departmentId === actor.scope.departmentId)
  );
}
