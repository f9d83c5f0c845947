import { defineErrorCodes } from '@jianfu/platform';

/** What the plaque routes refuse (三块牌匾, seed 002). */
export const PlaqueErrors = defineErrorCodes({
  'plaque.limit-reached': {
    status: 422,
    description:
      'A community hangs exactly the three plaques 社区党组织、社区居民委员会、社区工作服务站; a fourth is refused ' +
      'and recorded as a violation',
  },
  'community.not-found': { status: 404, description: 'No such community within the caller’s district and scope' },
});
