import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { type AgreementView, CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { ListAgreementsQuery } from './list-agreements.query.js';

@QueryHandler(ListAgreementsQuery)
export class ListAgreementsHandler implements IQueryHandler<ListAgreementsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: ListAgreementsQuery): Promise<Page<AgreementView>> {
    const reader = this.transactions.reader;
    if (query.communityId) await communityInScope(this.units, reader, query.communityId, query.actor);
    const { items, total } = await this.coBuilding.listAgreements(
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
