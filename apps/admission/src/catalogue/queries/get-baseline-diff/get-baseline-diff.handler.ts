import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { type BaselineDiff, diffAgainstBaseline } from '../../domain/baseline-diff.js';
import { CatalogueBaselineRepository } from '../../persistence/catalogue-baseline.repository.js';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { GetBaselineDiffQuery } from './get-baseline-diff.query.js';
import { versionNamed } from '../../../version-proposals/domain/version-name.js';

@QueryHandler(GetBaselineDiffQuery)
export class GetBaselineDiffHandler implements IQueryHandler<GetBaselineDiffQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly baseline: CatalogueBaselineRepository,
  ) {}

  async execute(query: GetBaselineDiffQuery): Promise<BaselineDiff> {
    const tx = this.transactions.reader;
    const districtCode = query.actor.scope.districtCode;
    const version = await versionNamed(query.version, () => this.catalogue.currentVersion(tx, districtCode));
    const items = version == null ? [] : await this.catalogue.items(tx, districtCode, version);
    if (version == null || items.length === 0) throw new NotFoundError('catalogue-version', query.version);
    const mark = await this.baseline.current(tx, districtCode);
    if (!mark) throw new NotFoundError('catalogue-baseline', districtCode);
    const baselineItems = await this.catalogue.items(tx, districtCode, mark.version);
    return diffAgainstBaseline(
      { version: mark.version, items: baselineItems },
      { version, items },
      await this.baseline.reasons(tx, districtCode),
    );
  }
}
