/** The roles of the platform's users (see docs/architecture.md, "Who uses it"). */
export const Roles = {
  DepartmentSubmitter: 'department-submitter',
  AdmissionReviewer: 'admission-reviewer',
  /** A member of the district's admission review committee (准入审核委员会): the final decision. */
  AdmissionCommittee: 'admission-committee',
  CommunitySecretary: 'community-secretary',
  FinanceOfficer: 'finance-officer',
  HrOfficer: 'hr-officer',
  DistrictLeader: 'district-leader',
  OrganizationAdmin: 'organization-admin',
  /** The district's operations team: inspects and replays dead letters; no business action. */
  PlatformOperator: 'platform-operator',
} as const;

export type Role = (typeof Roles)[keyof typeof Roles];

export const allRoles: readonly Role[] = Object.values(Roles);

/**
 * Where a user may act. A district-wide user carries only `districtCode`; a street official adds
 * `streetCodes`; a community secretary `communityIds`; a department user `departmentId`.
 */
export interface OrganisationScope {
  districtCode: string;
  streetCodes?: string[];
  communityIds?: string[];
  departmentId?: string;
}

export interface Principal {
  userId: string;
  name: string;
  roles: Role[];
  scope: OrganisationScope;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** True when the principal's scope reaches the community: district-wide users reach every community in it. */
export function reachesCommunity(
  principal: Principal,
  community: { communityId: string; streetCode: string; districtCode: string },
): boolean {
  const { scope } = principal;
  if (scope.districtCode !== community.districtCode) return false;
  if (scope.communityIds) return scope.communityIds.includes(community.communityId);
  if (scope.streetCodes) return scope.streetCodes.includes(community.streetCode);
  return true;
}
