import type { DirectoryCommunity } from '@jianfu/community-directory';
import { NotFoundError, type Principal, reachesCommunity } from '@jianfu/platform';

/** The community named in a request, when it is of the actor's district; otherwise it answers as missing. */
export function communityOfDistrict(
  community: DirectoryCommunity | undefined,
  communityId: string,
  actor: Principal,
): DirectoryCommunity {
  if (!community || community.districtCode !== actor.scope.districtCode) {
    throw new NotFoundError('community', communityId);
  }
  return community;
}

/** The community named in the path, when the actor's scope reaches it; out of scope answers like missing. */
export function communityInScope(
  community: DirectoryCommunity | undefined,
  communityId: string,
  actor: Principal,
): DirectoryCommunity {
  const inDistrict = communityOfDistrict(community, communityId, actor);
  if (!reachesCommunity(actor, inDistrict)) throw new NotFoundError('community', communityId);
  return inDistrict;
}
