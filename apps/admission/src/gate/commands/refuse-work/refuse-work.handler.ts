import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { fundedOrNotRequired } from '../../domain/admitted-task.js';
import { communityInScope } from '../../domain/community-scope.js';
import { GateErrors } from '../../domain/gate.errors.js';
import { TasksRepository } from '../../persistence/tasks.repository.js';
import { ViolationRecorder } from '../../violation-recorder.js';
import { RefuseWorkCommand } from './refuse-work.command.js';

/** A community refuses work that never passed admission; the attempt counts against the department. */
@CommandHandler(RefuseWorkCommand)
export class RefuseWorkHandler implements ICommandHandler<RefuseWorkCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly recorder: ViolationRecorder,
  ) {}

  async execute({ actor, communityId, demand }: RefuseWorkCommand) {
    return this.transactions.run(async (tx) => {
      const [community] = await this.directory.findByIds(tx, [communityId]);
      communityInScope(community, communityId, actor);
      if (demand.taskId && demand.kind === 'task') {
        const entry = await this.tasks.communityEntry(tx, demand.taskId, communityId);
        const task = await this.tasks.find(tx, demand.taskId);
        if (
          entry &&
          task &&
          !task.cancelledAt &&
          fundedOrNotRequired(task.fundingStatus) &&
          task.departmentId === demand.departmentId
        ) {
          throw DomainError.of(GateErrors['gate.task-admitted'], 'This task was admitted and funded for the community');
        }
      }
      const recorded = await this.recorder.record(tx, {
        districtCode: actor.scope.districtCode,
        departmentId: demand.departmentId,
        communityId,
        taskId: demand.taskId ?? null,
        // The code in front of a v1 violation's reason is all its consumers learn of the kind: a meeting, ledger,
        // seal or plaque refused by a community says so (meeting.refused-by-community, …); a task stays gate.*.
        code: demand.kind === 'task' ? 'gate.refused-by-community' : `${demand.kind}.refused-by-community`,
        reason: `${demand.title}${demand.reason ? `：${demand.reason}` : ''}`,
        reportedBy: actor.userId,
        source: 'community',
        kind: demand.kind,
      });
      return { ...recorded, communityId, departmentId: demand.departmentId, kind: demand.kind };
    });
  }
}
