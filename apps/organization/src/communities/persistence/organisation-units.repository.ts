import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { CommunityEntity } from './community.entity.js';
import { StreetEntity } from './street.entity.js';

export interface CommunityView {
  id: string;
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  districtCode: string;
}

const uniqueViolation = '23505';

/** Streets and communities of the district hierarchy. */
@Injectable()
export class OrganisationUnitsRepository {
  async findStreetByCode(tx: Transaction, code: string): Promise<StreetEntity | null> {
    return tx.findOne(StreetEntity, { where: { code } });
  }

  /** Inserts; returns false when the code is already used (the unique index decides, not a prior read). */
  async insertStreet(tx: Transaction, street: Omit<StreetEntity, 'createdAt'>): Promise<boolean> {
    return this.insertUnlessDuplicate(tx, StreetEntity, street);
  }

  async insertCommunity(tx: Transaction, community: Omit<CommunityEntity, 'createdAt' | 'street'>): Promise<boolean> {
    return this.insertUnlessDuplicate(tx, CommunityEntity, community);
  }

  async findCommunity(tx: Transaction, id: string): Promise<CommunityView | null> {
    const community = await tx.findOne(CommunityEntity, { where: { id }, relations: { street: true } });
    if (!community?.street) return null;
    return {
      id: community.id,
      code: community.code,
      name: community.name,
      streetCode: community.street.code,
      streetName: community.street.name,
      districtCode: community.street.districtCode,
    };
  }

  private async insertUnlessDuplicate<T extends object>(
    tx: Transaction,
    entity: new () => T,
    values: Partial<T>,
  ): Promise<boolean> {
    // A savepoint keeps the surrounding transaction usable after a unique violation.
    await tx.query('SAVEPOINT unit_insert');
    try {
      await tx.insert(entity, values as never);
      await tx.query('RELEASE SAVEPOINT unit_insert');
      return true;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT unit_insert');
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) return false;
      throw error;
    }
  }
}
