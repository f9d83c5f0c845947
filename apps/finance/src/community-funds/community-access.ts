import { Injectable } from '@nestjs/common';
import {
  CommunityDirectoryRepository,
  type DirectoryCommunity,
  type DirectoryReadOptions,
} from '@jianfu/community-directory';
import { NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';

/** A community from the directory, if it exists and the caller's scope reaches it; otherwise 404. */
@Injectable()
export class CommunityAccess {
  constructor(private readonly directory: CommunityDirectoryRepository) {}

  /** Money is moved only for active communities; reports pass `includeMerged` to read a merged one's history. */
  async reachable(
    tx: Transaction,
    communityId: string,
    actor: Principal,
    options: DirectoryReadOptions = {},
  ): Promise<DirectoryCommunity> {
    const [community] = await this.directory.findByIds(tx, [communityId], options);
    if (!community || !reachesCommunity(actor, community)) throw new NotFoundError('community', communityId);
    return community;
  }
}
