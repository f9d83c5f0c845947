import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { TrainingRecord } from '../../domain/worker-record.js';
import { WorkersRepository } from '../../persistence/workers.repository.js';
import { WorkerAccess } from '../../worker-access.js';
import { RecordTrainingCommand } from './record-training.command.js';

/** Adds a completed course to the worker's training; the same course on the same day is recorded once. */
@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly workers: WorkersRepository,
  ) {}

  async execute(command: RecordTrainingCommand): Promise<{ trainings: TrainingRecord[] }> {
    return this.transactions.run(async (tx) => {
      const worker = await this.access.forUpdate(tx, command.actor, command.workerId);
      const { training } = command;
      const known = worker.trainings.some(
        (entry) => entry.course === training.course && entry.completedOn === training.completedOn,
      );
      if (!known) {
        await this.workers.change(tx, worker, { trainings: [...worker.trainings, training] }, 'trained', {
          actorId: command.actor.userId,
          reason: `培训: ${training.course}`,
        });
      }
      return { trainings: worker.trainings };
    });
  }
}
