import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { DomainError, ScopeError, TransactionRunner } from '@jianfu/platform';
import { fundedOrNotRequired } from '../../domain/admitted-task.js';
import { communityOfDistrict } from '../../domain/community-scope.js';
import { GateErrors } from '../../domain/gate.errors.js';
import { TasksRepository } from '../../persistence/tasks.repository.js';
import { ViolationRecorder } from '../../violation-recorder.js';
import { AssignTaskCommand } from './assign-task.command.js';

interface GateRefusal {
  code: 'gate.not-admitted' | 'gate.not-admitted-for-community' | 'gate.task-cancelled' | 'gate.not-funded';
  message: string;
}

/**
 * The admission gate (准入关口): work reaches a community only as an admitted task, for that community, with its
 * funds arrived. Every refused attempt is a violation (违规摊派) recorded against the department; the refusal is
 * thrown only after the transaction that recorded it committed.
 */
@CommandHandler(AssignTaskCommand)
export class AssignTaskHandler implements ICommandHandler<AssignTaskCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly recorder: ViolationRecorder,
  ) {}

  async execute({ actor, communityId, title, taskId }: AssignTaskCommand) {
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('Work is assigned by a department user');
    const outcome = await this.transactions.run(async (tx) => {
      const [community] = await this.directory.findByIds(tx, [communityId]);
      communityOfDistrict(community, communityId, actor);
      const task = taskId ? await this.tasks.find(tx, taskId) : null;
      const entry = task ? await this.tasks.communityEntry(tx, task.taskId, communityId) : null;
      let refusal: GateRefusal | null = null;
      if (!task || task.departmentId !== departmentId || task.districtCode !== actor.scope.districtCode) {
        refusal = { code: 'gate.not-admitted', message: `“${title}” is not an admitted task of this department` };
      } else if (!entry) {
        refusal = {
          code: 'gate.not-admitted-for-community',
          message: `Task ${task.taskId} was not admitted for community ${communityId}`,
        };
      } else if (task.cancelledAt) {
        refusal = { code: 'gate.task-cancelled', message: `Task ${task.taskId} was cancelled: ${task.cancelReason}` };
      } else if (!fundedOrNotRequired(task.fundingStatus)) {
        refusal = { code: 'gate.not-funded', message: `The funds of task ${task.taskId} have not arrived (费随事转)` };
      }
      if (refusal) {
        const recorded = await this.recorder.record(tx, {
          districtCode: actor.scope.districtCode,
          departmentId,
          communityId,
          taskId: task && task.departmentId === departmentId ? task.taskId : null,
          code: refusal.code,
          reason: `${refusal.message}（${title}）`,
          reportedBy: actor.userId,
          source: 'gate',
          kind: 'task',
        });
        return { refusal, ...recorded };
      }
      return { refusal: null, taskId: task!.taskId, status: entry!.status };
    });
    if (outcome.refusal) {
      throw DomainError.of(
        GateErrors[outcome.refusal.code],
        `${outcome.refusal.message}; recorded as violation ${outcome.violationId}`,
      );
    }
    return { accepted: true as const, taskId: outcome.taskId, communityId, status: outcome.status };
  }
}
