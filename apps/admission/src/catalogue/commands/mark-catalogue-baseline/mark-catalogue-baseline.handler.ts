import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { type BaselineMark, CatalogueBaselineRepository } from '../../persistence/catalogue-baseline.repository.js';
import { CatalogueRepository } from '../../persistence/catalogue.repository.js';
import { MarkCatalogueBaselineCommand } from './mark-catalogue-baseline.command.js';

@CommandHandler(MarkCatalogueBaselineCommand)
export class MarkCatalogueBaselineHandler implements ICommandHandler<MarkCatalogueBaselineCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly baseline: CatalogueBaselineRepository,
  ) {}

  execute({ actor, version, note }: MarkCatalogueBaselineCommand): Promise<BaselineMark> {
    const districtCode = actor.scope.districtCode;
    return this.transactions.run(async (tx) => {
      if ((await this.catalogue.items(tx, districtCode, version)).length === 0) {
        throw new NotFoundError('catalogue-version', String(version));
      }
      return this.baseline.mark(tx, { districtCode, version, note, markedBy: actor.userId });
    });
  }
}
