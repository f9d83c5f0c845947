import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, RequestValidationError, TransactionRunner } from '@jianfu/platform';
import type { CatalogueItem } from '../../domain/catalogue-item.js';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { GetCatalogueVersionQuery } from './get-catalogue-version.query.js';
import { versionNamed } from '../../../version-proposals/domain/version-name.js';

@QueryHandler(GetCatalogueVersionQuery)
export class GetCatalogueVersionHandler implements IQueryHandler<GetCatalogueVersionQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute(
    query: GetCatalogueVersionQuery,
  ): Promise<{ districtCode: string; version: number; items: CatalogueItem[] }> {
    const tx = this.transactions.reader;
    const districtCode = query.actor.scope.districtCode;
    const version = await versionNamed(query.version, () => this.catalogue.currentVersion(tx, districtCode));
    if (version === undefined) {
      throw new RequestValidationError([
        { field: 'version', rule: 'isVersion', message: 'version must be a number or `current`' },
      ]);
    }
    const items = version === null ? [] : await this.catalogue.items(tx, districtCode, version);
    if (version === null || items.length === 0) throw new NotFoundError('catalogue-version', query.version);
    return { districtCode, version, items };
  }
}
