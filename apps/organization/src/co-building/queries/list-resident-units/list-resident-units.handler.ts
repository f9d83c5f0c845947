import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import type { ResidentUnitView } from '../../domain/resident-unit.js';
import { CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { ListResidentUnitsQuery } from './list-resident-units.query.js';

@QueryHandler(ListResidentUnitsQuery)
export class ListResidentUnitsHandler implements IQueryHandler<ListResidentUnitsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: ListResidentUnitsQuery): Promise<Page<ResidentUnitView>> {
    const reader = this.transactions.reader;
    if (query.communityId) await communityInScope(this.units, reader, query.communityId, query.actor);
    const { items, total } = await this.coBuilding.listUnits(
      reader,
      {
        districtCode: query.actor.scope.districtCode,
        ...(query.communityId ? { communityId: query.communityId } : {}),
      },
      query.page,
    );
    return toPage(items, total, query.page);
  }
}
