import { Injectable } from '@nestjs/common';
import { CommunityDirectoryRepository, type DirectoryCommunity } from '@jianfu/community-directory';
import { NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';

/**
 * The communities personnel knows (its copy of organization's directory) and whether a user reaches
 * one. A community out of scope is reported as not found, so scope never leaks what exists.
 */
@Injectable()
export class CommunityAccess {
  constructor(private readonly directory: CommunityDirectoryRepository) {}

  async reachable(tx: Transaction, actor: Principal, communityId: string): Promise<DirectoryCommunity> {
    const [community] = await this.directory.findByIds(tx, [communityId]);
    if (!community || !reachesCommunity(actor, community)) throw new NotFoundError('community', communityId);
    return community;
  }

  reaches(actor: Principal, community: { communityId: string; streetCode: string; districtCode: string }): boolean {
    return reachesCommunity(actor, community);
  }

  /** By code, as an import names them; a merged community is found too (its code still names it). */
  async byCodes(tx: Transaction, districtCode: string, codes: string[]): Promise<Map<string, DirectoryCommunity>> {
    const found = await this.directory.findByCodes(tx, districtCode, codes, { includeMerged: true });
    return new Map(found.map((community) => [community.code, community]));
  }
}
