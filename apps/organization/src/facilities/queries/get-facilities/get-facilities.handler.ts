import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, NotFoundError, PolicyBook, type Transaction, TransactionRunner } from '@jianfu/platform';
import { type FacilitiesPolicy, facilitiesPolicyKind } from '../../domain/facilities-policy.js';
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
    private readonly policies: PolicyBook,
  ) {}

  /** The space standard of the district's facilities policy in force today. */
  private async standardFor(tx: Transaction, districtCode: string): Promise<{ areaM2: number; policyVersion: number }> {
    const policy = await this.policies.effective<FacilitiesPolicy>(
      tx,
      districtCode,
      facilitiesPolicyKind,
      chinaDateOf(new Date()),
    );
    return { areaM2: policy.document.standardAreaM2, policyVersion: policy.version };
  }

  async execute(query: GetFacilitiesQuery): Promise<FacilityView> {
    const reader = this.transactions.reader;
    const community = await communityInScope(this.units, reader, query.communityId, query.actor);
    const facility = await this.facilities.find(reader, community.id);
    if (!facility) throw new NotFoundError('facility', query.communityId);
    return presentFacility(facility, await this.standardFor(reader, community.districtCode));
  }
}
