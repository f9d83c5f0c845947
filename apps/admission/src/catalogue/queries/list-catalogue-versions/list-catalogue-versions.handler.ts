import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { type CatalogueVersion, CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { ListCatalogueVersionsQuery } from './list-catalogue-versions.query.js';

@QueryHandler(ListCatalogueVersionsQuery)
export class ListCatalogueVersionsHandler implements IQueryHandler<ListCatalogueVersionsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  execute({ actor, page }: ListCatalogueVersionsQuery): Promise<{ items: CatalogueVersion[]; total: number }> {
    return this.catalogue.versions(this.transactions.reader, actor.scope.districtCode, page);
  }
}
