import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';
import { DirectoryCommunityEntity } from './directory-community.entity.js';

/** Where a community sits; what organization's created, renamed and moved events carry. */
export type DirectoryCommunity = Omit<
  DirectoryCommunityEntity,
  'updatedAt' | 'status' | 'mergedIntoCommunityId' | 'mergedAt'
>;

/** A community with its status, as the directory returns it. */
export type DirectoryCommunityEntry = Omit<DirectoryCommunityEntity, 'updatedAt'>;

export interface DirectoryReadOptions {
  /** Also return communities merged away (撤并): for history read by id, never for picking targets. */
  includeMerged?: boolean;
}

/** A community's place in the directory's code order (code, then id): where a page read in that order ends. */
export interface DirectoryPosition {
  code: string;
  communityId: string;
}

@Injectable()
export class CommunityDirectoryRepository {
  /** Inserts or refreshes a community unless the stored row already reflects a later event. */
  async upsert(tx: Transaction, community: DirectoryCommunity): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO directory_community (community_id, code, name, street_code, district_code, as_of)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (community_id) DO UPDATE
         SET code = EXCLUDED.code, name = EXCLUDED.name, street_code = EXCLUDED.street_code,
             district_code = EXCLUDED.district_code, as_of = EXCLUDED.as_of, updated_at = now()
         WHERE directory_community.as_of <= EXCLUDED.as_of`,
      [
        community.communityId,
        community.code,
        community.name,
        community.streetCode,
        community.districtCode,
        community.asOf,
      ],
    );
  }

  /**
   * Records that a community was merged away. When the directory never saw the community, a row
   * is still kept (name from its code, no street) so that its late creation event cannot list it.
   */
  async markMerged(
    tx: Transaction,
    merge: { communityId: string; code: string; districtCode: string; intoCommunityId: string; asOf: Date },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO directory_community
         (community_id, code, name, street_code, district_code, as_of, status, merged_into_community_id, merged_at)
       VALUES ($1, $2, $2, '', $3, $4, 'merged', $5, $4)
       ON CONFLICT (community_id) DO UPDATE
         SET status = 'merged', merged_into_community_id = EXCLUDED.merged_into_community_id,
             merged_at = EXCLUDED.merged_at, as_of = EXCLUDED.as_of, updated_at = now()
         WHERE directory_community.as_of <= EXCLUDED.as_of`,
      [merge.communityId, merge.code, merge.districtCode, merge.asOf, merge.intoCommunityId],
    );
  }

  /** The communities with these ids; merged ones only when asked for. */
  async findByIds(
    tx: Transaction,
    ids: string[],
    options: DirectoryReadOptions = {},
  ): Promise<DirectoryCommunityEntry[]> {
    if (ids.length === 0) return [];
    const query = entityManagerOf(tx)
      .getRepository(DirectoryCommunityEntity)
      .createQueryBuilder('c')
      .where('c.communityId IN (:...ids)', { ids });
    if (!options.includeMerged) query.andWhere("c.status = 'active'");
    return query.getMany();
  }

  /** The communities of a district with these codes (an import names communities by code); merged ones only when asked for. */
  async findByCodes(
    tx: Transaction,
    districtCode: string,
    codes: string[],
    options: DirectoryReadOptions = {},
  ): Promise<DirectoryCommunityEntry[]> {
    if (codes.length === 0) return [];
    const query = entityManagerOf(tx)
      .getRepository(DirectoryCommunityEntity)
      .createQueryBuilder('c')
      .where('c.districtCode = :districtCode', { districtCode })
      .andWhere('c.code IN (:...codes)', { codes });
    if (!options.includeMerged) query.andWhere("c.status = 'active'");
    return query.getMany();
  }

  /** The communities a scope reaches, ordered by code, one page at a time; merged ones only when asked for. */
  /**
   * One page of the district's active communities in order of their code (then id), without counting them all: what
   * a run over every community (the base allocation) pages through, on the index that keeps that order.
   */
  async pageOfDistrict(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number } | { after: DirectoryPosition; limit: number },
  ): Promise<DirectoryCommunityEntry[]> {
    const query = this.ofDistrict(tx, districtCode).orderBy('c.code').addOrderBy('c.communityId').limit(page.limit);
    // After a community: read on from it through the index, where an offset walks past every community before.
    if ('after' in page) {
      query.andWhere('(c.code, c.communityId) > (:afterCode, :afterId)', {
        afterCode: page.after.code,
        afterId: page.after.communityId,
      });
    } else {
      query.offset(page.offset);
    }
    return query.getMany();
  }

  async listInScope(
    tx: Transaction,
    scope: OrganisationScope,
    page: { offset: number; limit: number },
    options: DirectoryReadOptions = {},
  ): Promise<{ items: DirectoryCommunityEntry[]; total: number }> {
    const query = this.ofDistrict(tx, scope.districtCode, options);
    if (scope.communityIds)
      query.andWhere('c.communityId IN (:...ids)', {
        ids: scope.communityIds.length ? scope.communityIds : ['00000000-0000-0000-0000-000000000000'],
      });
    else if (scope.streetCodes)
      query.andWhere('c.streetCode IN (:...streets)', { streets: scope.streetCodes.length ? scope.streetCodes : [''] });
    const [items, total] = await query.orderBy('c.code').skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total };
  }

  /** The district's communities: the active ones, or all with `includeMerged`. */
  private ofDistrict(
    tx: Transaction,
    districtCode: string,
    options: DirectoryReadOptions = {},
  ): SelectQueryBuilder<DirectoryCommunityEntity> {
    const query = entityManagerOf(tx)
      .getRepository(DirectoryCommunityEntity)
      .createQueryBuilder('c')
      .where('c.districtCode = :district', { district: districtCode });
    return options.includeMerged ? query : query.andWhere("c.status = 'active'");
  }
}
