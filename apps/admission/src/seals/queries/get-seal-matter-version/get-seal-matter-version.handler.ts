import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import type { SealMatter, SealMatterVersion } from '../../domain/seal-matter.js';
import { SealMattersRepository } from '../../persistence/seal-matters.repository.js';
import { GetSealMatterVersionQuery } from './get-seal-matter-version.query.js';
import { versionNamed } from '../../../version-proposals/domain/version-name.js';

@QueryHandler(GetSealMatterVersionQuery)
export class GetSealMatterVersionHandler implements IQueryHandler<GetSealMatterVersionQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly matters: SealMattersRepository,
  ) {}

  async execute(query: GetSealMatterVersionQuery): Promise<SealMatterVersion & { items: SealMatter[] }> {
    const tx = this.transactions.reader;
    const districtCode = query.actor.scope.districtCode;
    const version = await versionNamed(query.version, () => this.matters.currentVersion(tx, districtCode));
    const found = version == null ? null : await this.matters.find(tx, districtCode, version);
    if (!found) throw new NotFoundError('seal-matter-version', query.version);
    return found;
  }
}
