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

  async byCodes(tx: Transaction, districtCode: string, codes: string[]): Promise<Map<string, DirectoryCommunity>> {
    if (codes.length === 0) return new Map();
    const rows = await tx.query<
      { communityId: string; code: string; name: string; streetCode: string; districtCode: string; asOf: Date }[]
    >(
      `SELECT community_id AS "communityId", code, name, street_code AS "streetCode",
              district_code AS "districtCode", as_of AS "asOf"
       FROM directory_community WHERE district_code = $1 AND code = ANY($2)`,
      [districtCode, codes],
    );
    return new Map(rows.map((row) => [row.code, row]));
  }
}
