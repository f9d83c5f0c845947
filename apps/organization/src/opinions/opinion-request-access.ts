import { Injectable } from '@nestjs/common';
import { hasRole, NotFoundError, type Principal, reachesCommunity, Roles, type Transaction } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../communities/persistence/organisation-units.repository.js';
import { type OpinionRequestRow, OpinionsRepository } from './persistence/opinions.repository.js';

/**
 * Who sees an opinion request: district-wide users of its district, and the secretaries of the communities asked.
 * Anyone else is told it does not exist.
 */
@Injectable()
export class OpinionRequestAccess {
  constructor(
    private readonly opinions: OpinionsRepository,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async find(tx: Transaction, actor: Principal, requestId: string, lock = false): Promise<OpinionRequestRow> {
    const request = await this.opinions.findRequest(tx, requestId, lock);
    if (!request || !(await this.reaches(tx, actor, request))) throw new NotFoundError('opinion-request', requestId);
    return request;
  }

  private async reaches(tx: Transaction, actor: Principal, request: OpinionRequestRow): Promise<boolean> {
    if (actor.scope.districtCode !== request.districtCode) return false;
    if (!actor.scope.communityIds && !actor.scope.streetCodes && !actor.scope.departmentId) return true;
    if (hasRole(actor, Roles.CommunitySecretary) || actor.scope.streetCodes) {
      for (const communityId of request.communityIds) {
        const community = await this.units.findCommunity(tx, communityId);
        if (community && reachesCommunity(actor, { ...community, communityId })) return true;
      }
    }
    return actor.scope.departmentId !== undefined && actor.scope.departmentId === request.departmentId;
  }
}
