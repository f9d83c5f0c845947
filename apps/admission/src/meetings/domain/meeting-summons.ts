import type { MeetingSummonsAdmittedPayload } from '@jianfu/contracts';
import { hasRole, type Principal, Roles } from '@jianfu/platform';

export type MeetingSummonsStatus = 'admitted' | 'in-review' | 'rejected' | 'withdrawn' | 'expired' | 'not-started';

/** A community's meetings summoned by one department in a month, and their hours. */
export interface CommunityMeetingUsage {
  communityId: string;
  meetings: number;
  hours: number;
}

/** The meeting itself: what MeetingSummonsAdmitted announces of a summons. */
type SummonedMeeting = Pick<
  MeetingSummonsAdmittedPayload,
  'districtCode' | 'departmentId' | 'title' | 'date' | 'hours' | 'mode' | 'attendeesPerCommunity' | 'communityIds'
>;

/** A meeting summons (会议通知) as it is read back. */
export interface MeetingSummonsView extends SummonedMeeting {
  id: string;
  basis: string;
  status: MeetingSummonsStatus;
  /** `allowance`: within the monthly allowance, admitted without review; `review`: a reviewer approved it. */
  admittedBy: 'allowance' | 'review' | null;
  policyVersion: number;
  overAllowance: CommunityMeetingUsage[];
  submittedBy: string;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

/** Who sees a summons: its department, the district's reviewers and leaders, and the secretaries of a community it names. */
export function maySeeSummons(actor: Principal, summons: MeetingSummonsView): boolean {
  if (summons.districtCode !== actor.scope.districtCode) return false;
  if (actor.scope.departmentId) return actor.scope.departmentId === summons.departmentId;
  if (actor.scope.communityIds) return summons.communityIds.some((id) => actor.scope.communityIds!.includes(id));
  return hasRole(actor, Roles.AdmissionReviewer) || hasRole(actor, Roles.DistrictLeader);
}
