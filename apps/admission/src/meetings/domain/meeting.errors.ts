import { defineErrorCodes } from '@jianfu/platform';

/** What the meeting-summons routes refuse (精简社区会议, seed 002). */
export const MeetingErrors = defineErrorCodes({
  'meeting-summons.not-found': {
    status: 404,
    description: 'No such meeting summons, or not one the caller may see (its department, the district’s reviewers)',
  },
  'community.not-found': { status: 404, description: 'No such community within the caller’s district and scope' },
});
