import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListStreetsQuery, type StreetSummary } from './list-streets.query.js';

@QueryHandler(ListStreetsQuery)
export class ListStreetsHandler implements IQueryHandler<ListStreetsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListStreetsQuery): Promise<Page<StreetSummary>> {
    const { items, total } = await this.units.listStreets(this.transactions.reader, query.actor.scope, query.page);
    return toPage(items, total, query.page);
  }
}
