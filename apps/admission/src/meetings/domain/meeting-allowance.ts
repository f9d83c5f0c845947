import type { MeetingsPolicy } from './meetings-policy.js';
import type { CommunityMeetingUsage } from './meeting-summons.js';

/**
 * 精简社区会议: the communities a new meeting of `hours` would take beyond the department's monthly allowance,
 * with what they would have then. Empty when the summons fits everywhere and is admitted without review.
 */
export function overAllowance(
  usage: CommunityMeetingUsage[],
  hours: number,
  allowance: MeetingsPolicy['monthlyAllowancePerCommunity'],
): CommunityMeetingUsage[] {
  return usage
    .map((community) => ({
      communityId: community.communityId,
      meetings: community.meetings + 1,
      hours: community.hours + hours,
    }))
    .filter((after) => after.meetings > allowance.meetings || after.hours > allowance.hours);
}
