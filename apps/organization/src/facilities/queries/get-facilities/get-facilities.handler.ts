import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { OrganizationConfig } from '../../../config.js';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { FacilitiesRepository } from '../../persistence/facilities.repository.js';
import { type FacilityView, presentFacility } from './facility.view.js';
import { GetFacilitiesQuery } from './get-facilities.query.js';

@QueryHandler(GetFacilitiesQuery)
export class GetFacilitiesHandler implements IQueryHandler<GetFacilitiesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly config: OrganizationConfig,
  ) {}

  async execute(query: GetFacilitiesQuery): Promise<FacilityView> {
    const reader = this.transactions.reader;
    const community = await communityInScope(this.units, reader, query.communityId, query.actor);
    const facility = await this.facilities.find(reader, community.id);
    if (!facility) throw new NotFoundError('facility', query.communityId);
    return presentFacility(facility, this.config.FACILITY_STANDARD_AREA_M2);
  }
}
