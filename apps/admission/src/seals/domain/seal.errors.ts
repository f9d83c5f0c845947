import { defineErrorCodes } from '@jianfu/platform';

/** What the seal routes refuse (严格社区印章管理使用, seed 002). */
export const SealErrors = defineErrorCodes({
  'seal.matter-not-listed': {
    status: 422,
    description:
      'The matter is not on the district’s current list of matters a community may certify (盖章证明事项清单); ' +
      'recorded as a violation',
  },
  'seal-matter-version.not-found': { status: 404, description: 'The district has no such seal-matter list version' },
  'community.not-found': { status: 404, description: 'No such community within the caller’s district and scope' },
});
