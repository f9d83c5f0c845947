import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { assertStandardMayChange } from '../../domain/base-standard-rules.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { SetBaseStandardCommand } from './set-base-standard.command.js';

/** Sets a year's standard; once the year was paid, only a top-up raises it (assertStandardMayChange). */
@CommandHandler(SetBaseStandardCommand)
export class SetBaseStandardHandler implements ICommandHandler<SetBaseStandardCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
  ) {}

  async execute({ year, amountFen, actor }: SetBaseStandardCommand) {
    const districtCode = actor.scope.districtCode;
    await this.transactions.run(async (tx) => {
      const run = await this.allocations.findRun(tx, districtCode, year, true);
      assertStandardMayChange(year, run?.amountFen ?? null, amountFen);
      await this.allocations.setStandard(tx, districtCode, year, amountFen, actor.userId);
    });
    return { districtCode, year, amountFen, isDefault: false, policyVersion: null };
  }
}
