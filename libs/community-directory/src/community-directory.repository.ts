import { Injectable } from '@nestjs/common';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { DirectoryCommunityEntity } from './directory-community.entity.js';

export type DirectoryCommunity = Omit<DirectoryCommunityEntity, 'updatedAt'>;

@Injectable()
export class CommunityDirectoryRepository {
  /** Inserts or refreshes a community unless the stored row already reflects a later event. */
  async upsert(tx: Transaction, community: DirectoryCommunity): Promise<void> {
    await tx.query(
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

  async findByIds(tx: Transaction, ids: string[]): Promise<DirectoryCommunity[]> {
    if (ids.length === 0) return [];
    return tx
      .getRepository(DirectoryCommunityEntity)
      .createQueryBuilder('c')
      .where('c.communityId IN (:...ids)', { ids })
      .getMany();
  }

  /** The communities a scope reaches, ordered by code, one page at a time. */
  async listInScope(
    tx: Transaction,
    scope: OrganisationScope,
    page: { offset: number; limit: number },
  ): Promise<{ items: DirectoryCommunity[]; total: number }> {
    const query = tx
      .getRepository(DirectoryCommunityEntity)
      .createQueryBuilder('c')
      .where('c.districtCode = :district', { district: scope.districtCode });
    if (scope.communityIds)
      query.andWhere('c.communityId IN (:...ids)', {
        ids: scope.communityIds.length ? scope.communityIds : ['00000000-0000-0000-0000-000000000000'],
      });
    else if (scope.streetCodes)
      query.andWhere('c.streetCode IN (:...streets)', { streets: scope.streetCodes.length ? scope.streetCodes : [''] });
    const [items, total] = await query.orderBy('c.code').skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total };
  }
}
