import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { CommunityAccess } from '../../../communities/community-access.js';
import { TrackSteps } from '../../domain/track-steps.js';
import { WorkersRepository } from '../../persistence/workers.repository.js';
import { RegisterWorkerCommand } from './register-worker.command.js';
import { WorkerErrors } from '../../domain/workers.errors.js';

/** Adds an existing worker's record (one hired before the platform); recruitment adds new hires itself. */
@CommandHandler(RegisterWorkerCommand)
export class RegisterWorkerHandler implements ICommandHandler<RegisterWorkerCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly communities: CommunityAccess,
    private readonly steps: TrackSteps,
    private readonly workers: WorkersRepository,
  ) {}

  async execute(command: RegisterWorkerCommand): Promise<{ workerId: string }> {
    const workerId = randomUUID();
    const { profile } = command;
    await this.transactions.run(async (tx) => {
      const community = await this.communities.reachable(tx, command.actor, profile.communityId);
      const problems = await this.steps.problems(tx, profile.postStep, profile.titleStep);
      if (problems.length > 0) throw DomainError.of(WorkerErrors['worker.unknown-step'], problems.join('; '));
      const inserted = await this.workers.insert(
        tx,
        {
          id: workerId,
          ...profile,
          streetCode: community.streetCode,
          districtCode: community.districtCode,
        },
        'registered',
        { actorId: command.actor.userId, reason: command.reason },
      );
      if (!inserted) {
        throw DomainError.of(
          WorkerErrors['worker.employee-no-taken'],
          `Employee number ${profile.employeeNo} is already used`,
        );
      }
    });
    return { workerId };
  }
}
