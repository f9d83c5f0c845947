import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import type { PowerItem } from '../../domain/power-item.js';
import { type PowerItemVersion, PowerItemsRepository } from '../../persistence/power-items.repository.js';
import { GetPowerItemsVersionQuery } from './get-power-items-version.query.js';
import { versionNamed } from '../../../version-proposals/domain/version-name.js';

@QueryHandler(GetPowerItemsVersionQuery)
export class GetPowerItemsVersionHandler implements IQueryHandler<GetPowerItemsVersionQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly powerItems: PowerItemsRepository,
  ) {}

  async execute(
    query: GetPowerItemsVersionQuery,
  ): Promise<PowerItemVersion & { items: PowerItem[]; cancelledCount: number }> {
    const tx = this.transactions.reader;
    const version = await versionNamed(query.version, () => this.powerItems.currentVersion(tx, query.departmentId));
    // The version is looked up in the caller's district: another district's register is not found.
    const found =
      version == null
        ? null
        : await this.powerItems.find(tx, query.actor.scope.districtCode, query.departmentId, version);
    if (!found) throw new NotFoundError('power-item-version', query.version);
    return found;
  }
}
