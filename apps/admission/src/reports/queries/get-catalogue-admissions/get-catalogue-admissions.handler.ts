import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetCatalogueAdmissionsQuery } from './get-catalogue-admissions.query.js';

@QueryHandler(GetCatalogueAdmissionsQuery)
export class GetCatalogueAdmissionsHandler implements IQueryHandler<GetCatalogueAdmissionsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetCatalogueAdmissionsQuery) {
    return this.reports.admissionsAgainstCatalogue(this.transactions.reader, query.actor.scope.districtCode);
  }
}
