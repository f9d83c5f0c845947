import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CatalogueBaselineRepository } from '../../persistence/catalogue-baseline.repository.js';
import { RecordRemovalReasonsCommand } from './record-removal-reasons.command.js';

@CommandHandler(RecordRemovalReasonsCommand)
export class RecordRemovalReasonsHandler implements ICommandHandler<RecordRemovalReasonsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly baseline: CatalogueBaselineRepository,
  ) {}

  async execute({ actor, reasons }: RecordRemovalReasonsCommand): Promise<{ recorded: number }> {
    await this.transactions.run((tx) =>
      this.baseline.recordReasons(tx, actor.scope.districtCode, reasons, actor.userId),
    );
    return { recorded: reasons.length };
  }
}
