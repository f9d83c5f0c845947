import { Injectable } from '@nestjs/common';
import { CommunityDirectoryRepository, type DirectoryCommunity } from '@jianfu/community-directory';
import { NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';

/** A community from the directory, if it exists and the caller's scope reaches it; otherwise 404. */
@Injectable()
export class CommunityAccess {
  constructor(private readonly directory: CommunityDirectoryRepository) {}

  async reachable(tx: Transaction, communityId: string, actor: Principal): Promise<DirectoryCommunity> {
    const [community] = await this.directory.findByIds(tx, [communityId]);
    if (!community || !reachesCommunity(actor, community)) throw new NotFoundError('community', communityId);
    return community;
  }
}
