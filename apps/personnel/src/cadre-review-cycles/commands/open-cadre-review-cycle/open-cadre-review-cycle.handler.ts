import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { reachesStreet } from '../../cycle-access.js';
import { CadreReviewCycleErrors } from '../../domain/cadre-review-cycles.errors.js';
import { CadreReviewCyclesRepository } from '../../persistence/cadre-review-cycles.repository.js';
import { OpenCadreReviewCycleCommand } from './open-cadre-review-cycle.command.js';

/** Opens the year's review cycle of a street (街社主管): one per district, street and year. */
@CommandHandler(OpenCadreReviewCycleCommand)
export class OpenCadreReviewCycleHandler implements ICommandHandler<OpenCadreReviewCycleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cycles: CadreReviewCyclesRepository,
  ) {}

  execute(command: OpenCadreReviewCycleCommand): Promise<{ cycleId: string }> {
    const { actor } = command;
    const districtCode = actor.scope.districtCode;
    if (!reachesStreet(actor, districtCode, command.streetCode)) {
      throw DomainError.of(
        CadreReviewCycleErrors['cadre-review-cycle.not-found'],
        `Street ${command.streetCode} is outside the caller's scope`,
      );
    }
    return this.transactions.run(async (tx) => {
      const cycleId = randomUUID();
      const opened = await this.cycles.insertCycle(tx, {
        id: cycleId,
        districtCode,
        streetCode: command.streetCode,
        year: command.year,
        status: 'collecting',
        openedBy: actor.userId,
      });
      if (!opened) {
        throw DomainError.of(
          CadreReviewCycleErrors['cadre-review-cycle.exists'],
          `${command.streetCode} already has a ${command.year} cycle`,
        );
      }
      return { cycleId };
    });
  }
}
