import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the community directory as personnel reads it. */
export const CommunityErrors = defineErrorCodes({
  'community.not-found': { status: 404, description: 'No such community within the caller’s scope' },
});
