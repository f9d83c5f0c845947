import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PerformanceGrade } from '@jianfu/contracts';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { WorkerAccess } from '../../../workers/worker-access.js';
import { combineCadreReview } from '../../domain/cadre-review-formula.js';
import { CadreReviewsRepository } from '../../persistence/cadre-reviews.repository.js';
import { RecordCadreReviewCommand } from './record-cadre-review.command.js';
import { CadreReviewErrors } from '../../domain/cadre-reviews.errors.js';

/** Records a worker's annual cadre review and combines its four sources into the annual result. */
@CommandHandler(RecordCadreReviewCommand)
export class RecordCadreReviewHandler implements ICommandHandler<RecordCadreReviewCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly reviews: CadreReviewsRepository,
  ) {}

  async execute(command: RecordCadreReviewCommand): Promise<{ composite: number; result: PerformanceGrade }> {
    const { compositeTenths, result } = combineCadreReview(command.scores);
    await this.transactions.run(async (tx) => {
      const worker = await this.access.read(tx, command.actor, command.workerId);
      const inserted = await this.reviews.insert(tx, {
        workerId: worker.id,
        year: command.year,
        ...command.scores,
        fieldVisitNotes: command.fieldVisitNotes,
        compositeTenths,
        result,
        reviewedBy: command.actor.userId,
      });
      if (!inserted) {
        throw DomainError.of(
          CadreReviewErrors['cadre-review.exists'],
          `${worker.name}'s ${command.year} review is already recorded`,
        );
      }
    });
    return { composite: compositeTenths / 10, result };
  }
}
