import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListStreetsQuery, type StreetSummary } from './list-streets.query.js';

@QueryHandler(ListStreetsQuery)
export class ListStreetsHandler implements IQueryHandler<ListStreetsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListStreetsQuery): Promise<{ items: StreetSummary[] }> {
    const streets = await this.units.listStreets(this.transactions.reader, query.actor.scope.districtCode);
    const { streetCodes } = query.actor.scope;
    return { items: streetCodes ? streets.filter((street) => streetCodes.includes(street.code)) : streets };
  }
}
