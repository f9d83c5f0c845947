import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PerformanceGrade } from '@jianfu/contracts';
import { chinaDateOf, DomainError, PolicyBook, TransactionRunner } from '@jianfu/platform';
import { type CadreReviewPolicy, cadreReviewPolicyKind } from '../../domain/cadre-review-policy.js';
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
    private readonly policies: PolicyBook,
  ) {}

  async execute(
    command: RecordCadreReviewCommand,
  ): Promise<{ composite: number; result: PerformanceGrade; policyVersion: number }> {
    return this.transactions.run(async (tx) => {
      const worker = await this.access.read(tx, command.actor, command.workerId);
      // The district's weights and bands in force today; the review records the version it was combined by.
      const policy = await this.policies.effective<CadreReviewPolicy>(
        tx,
        worker.districtCode,
        cadreReviewPolicyKind,
        chinaDateOf(new Date()),
      );
      const { compositeTenths, result } = combineCadreReview(command.scores, policy.document);
      const inserted = await this.reviews.insert(tx, {
        workerId: worker.id,
        year: command.year,
        ...command.scores,
        fieldVisitNotes: command.fieldVisitNotes,
        compositeTenths,
        result,
        reviewedBy: command.actor.userId,
        policyVersion: policy.version,
      });
      if (!inserted) {
        throw DomainError.of(
          CadreReviewErrors['cadre-review.exists'],
          `${worker.name}'s ${command.year} review is already recorded`,
        );
      }
      return { composite: compositeTenths / 10, result, policyVersion: policy.version };
    });
  }
}
