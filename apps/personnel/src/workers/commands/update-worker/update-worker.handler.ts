import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CommunityAccess } from '../../../communities/community-access.js';
import type { FieldChanges } from '../../domain/worker-changes.js';
import { WorkerAccess } from '../../worker-access.js';
import { WorkersRepository, type WorkerFields } from '../../persistence/workers.repository.js';
import { UpdateWorkerCommand } from './update-worker.command.js';

/** Changes a worker's record and records who, when, why and what moved; a transfer must reach both communities. */
@CommandHandler(UpdateWorkerCommand)
export class UpdateWorkerHandler implements ICommandHandler<UpdateWorkerCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly communities: CommunityAccess,
    private readonly workers: WorkersRepository,
  ) {}

  async execute(command: UpdateWorkerCommand): Promise<{ version: number; changes: FieldChanges }> {
    return this.transactions.run(async (tx) => {
      const worker = await this.access.forUpdate(tx, command.actor, command.workerId);
      const fields: WorkerFields = { ...command.correction };
      if (command.correction.communityId && command.correction.communityId !== worker.communityId) {
        const community = await this.communities.reachable(tx, command.actor, command.correction.communityId);
        fields.streetCode = community.streetCode;
      }
      if (fields.certificates) fields.certificates = [...new Set(fields.certificates)].sort();
      const changes = await this.workers.change(tx, worker, fields, 'updated', {
        actorId: command.actor.userId,
        reason: command.reason,
      });
      return { version: worker.version, changes };
    });
  }
}
