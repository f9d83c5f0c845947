import { Injectable } from '@nestjs/common';
import { TaskCancelled } from '@jianfu/contracts';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import {
  DomainError,
  EventPublisher,
  hasRole,
  NotFoundError,
  type Principal,
  reachesCommunity,
  Roles,
  ScopeError,
  type Transaction,
  TransactionRunner,
} from '@jianfu/platform';
import { GateErrors } from './domain/gate.errors.js';
import { TasksRepository, type TaskView } from './persistence/tasks.repository.js';
import { type DemandKind, ViolationsRepository } from './persistence/violations.repository.js';
import { ViolationRecorder } from './violation-recorder.js';

export interface GateRefusal {
  code: 'gate.not-admitted' | 'gate.not-admitted-for-community' | 'gate.task-cancelled' | 'gate.not-funded';
  message: string;
}

/** 费随事转: the money arrived, or the task is one-off work admitted as needing none (funded by rule). */
function fundedOrNotRequired(status: TaskView['fundingStatus']): boolean {
  return status === 'funded' || status === 'not-required';
}

/**
 * The admission gate (准入关口): work reaches a community only as an admitted task, for that community,
 * with its funds arrived. Every refused attempt is a violation (违规摊派) recorded against the department.
 */
@Injectable()
export class GateService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly violations: ViolationsRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly events: EventPublisher,
    private readonly recorder: ViolationRecorder,
  ) {}

  private async community(tx: Transaction, actor: Principal, communityId: string) {
    const [community] = await this.directory.findByIds(tx, [communityId]);
    if (!community || community.districtCode !== actor.scope.districtCode) {
      throw new NotFoundError('community', communityId);
    }
    return community;
  }

  /** A department assigns work to a community: allowed for an admitted, funded task of its own; else refused and recorded. */
  async assign(actor: Principal, input: { taskId?: string; communityId: string; title: string }) {
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('Work is assigned by a department user');
    const outcome = await this.transactions.run(async (tx) => {
      await this.community(tx, actor, input.communityId);
      const task = input.taskId ? await this.tasks.find(tx, input.taskId) : null;
      const entry = task ? await this.tasks.communityEntry(tx, task.taskId, input.communityId) : null;
      let refusal: GateRefusal | null = null;
      if (!task || task.departmentId !== departmentId || task.districtCode !== actor.scope.districtCode) {
        refusal = { code: 'gate.not-admitted', message: `“${input.title}” is not an admitted task of this department` };
      } else if (!entry) {
        refusal = {
          code: 'gate.not-admitted-for-community',
          message: `Task ${task.taskId} was not admitted for community ${input.communityId}`,
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
          communityId: input.communityId,
          taskId: task && task.departmentId === departmentId ? task.taskId : null,
          code: refusal.code,
          reason: `${refusal.message}（${input.title}）`,
          reportedBy: actor.userId,
          source: 'gate',
          kind: 'task',
        });
        return { refusal, ...recorded };
      }
      return { refusal: null, taskId: task!.taskId, communityId: input.communityId, status: entry!.status };
    });
    if (outcome.refusal) {
      throw DomainError.of(
        GateErrors[outcome.refusal.code],
        `${outcome.refusal.message}; recorded as violation ${outcome.violationId}`,
      );
    }
    return { accepted: true, taskId: outcome.taskId, communityId: outcome.communityId, status: outcome.status };
  }

  /** A community refuses work that never passed admission; the attempt counts against the department. */
  async refuse(
    actor: Principal,
    communityId: string,
    input: { departmentId: string; taskId?: string; title: string; reason?: string; kind: DemandKind },
  ) {
    return this.transactions.run(async (tx) => {
      const community = await this.community(tx, actor, communityId);
      if (!reachesCommunity(actor, community)) throw new NotFoundError('community', communityId);
      if (input.taskId && input.kind === 'task') {
        const entry = await this.tasks.communityEntry(tx, input.taskId, communityId);
        const task = await this.tasks.find(tx, input.taskId);
        if (
          entry &&
          task &&
          !task.cancelledAt &&
          fundedOrNotRequired(task.fundingStatus) &&
          task.departmentId === input.departmentId
        ) {
          throw DomainError.of(GateErrors['gate.task-admitted'], 'This task was admitted and funded for the community');
        }
      }
      const recorded = await this.recorder.record(tx, {
        districtCode: actor.scope.districtCode,
        departmentId: input.departmentId,
        communityId,
        taskId: input.taskId ?? null,
        // The code in front of a v1 violation's reason is all its consumers learn of the kind: a meeting, ledger,
        // seal or plaque refused by a community says so (meeting.refused-by-community, …); a task stays gate.*.
        code: input.kind === 'task' ? 'gate.refused-by-community' : `${input.kind}.refused-by-community`,
        reason: `${input.title}${input.reason ? `：${input.reason}` : ''}`,
        reportedBy: actor.userId,
        source: 'community',
        kind: input.kind,
      });
      return { ...recorded, communityId, departmentId: input.departmentId, kind: input.kind };
    });
  }

  async markDone(actor: Principal, communityId: string, taskId: string) {
    return this.transactions.run(async (tx) => {
      const community = await this.community(tx, actor, communityId);
      if (!reachesCommunity(actor, community)) throw new NotFoundError('community', communityId);
      const entry = await this.tasks.communityEntry(tx, taskId, communityId);
      // Only what is on the community's list can be reported done.
      if (!entry || (entry.status !== 'dispatched' && entry.status !== 'done')) {
        throw new NotFoundError('community-task', taskId);
      }
      if (entry.status === 'done') return { taskId, communityId, status: 'done' };
      await this.tasks.markDone(tx, taskId, communityId, actor.userId);
      return { taskId, communityId, status: 'done' };
    });
  }

  /**
   * Cancels an admitted task: its department or a reviewer, with the reason. It leaves every list at once;
   * finance hears `TaskCancelled` and starts no further instalment. Cancelling again answers the first time.
   */
  async cancel(actor: Principal, taskId: string, reason: string) {
    return this.transactions.run(async (tx) => {
      const task = await this.tasks.find(tx, taskId, true);
      const mayCancel =
        task &&
        task.districtCode === actor.scope.districtCode &&
        (actor.scope.departmentId
          ? task.departmentId === actor.scope.departmentId
          : hasRole(actor, Roles.AdmissionReviewer));
      if (!task || !mayCancel) throw new NotFoundError('task', taskId);
      if (task.cancelledAt) {
        return {
          taskId,
          status: 'cancelled' as const,
          cancelledAt: task.cancelledAt,
          // Set with every cancellation; the column is nullable only for tasks never cancelled.
          reason: task.cancelReason ?? '',
          duplicate: true,
        };
      }
      const cancelledAt = (await this.tasks.cancel(tx, taskId, actor.userId, reason))!;
      await this.events.publish(tx, TaskCancelled, {
        aggregateId: taskId,
        payload: {
          taskId,
          departmentId: task.departmentId,
          districtCode: task.districtCode,
          reason,
          cancelledBy: actor.userId,
          cancelledAt: cancelledAt.toISOString(),
        },
      });
      return { taskId, status: 'cancelled' as const, cancelledAt, reason, duplicate: false };
    });
  }

  async communityTasks(
    actor: Principal,
    communityId: string,
    filter: { status?: 'dispatched' | 'done'; offset: number; limit: number },
  ) {
    const tx = this.transactions.reader;
    const community = await this.community(tx, actor, communityId);
    if (!reachesCommunity(actor, community)) throw new NotFoundError('community', communityId);
    return this.tasks.listForCommunity(tx, communityId, filter);
  }

  async violationsFor(
    actor: Principal,
    filter: { departmentId?: string; kind?: DemandKind; offset: number; limit: number },
  ) {
    const departmentId = actor.scope.departmentId ?? filter.departmentId;
    return this.violations.list(this.transactions.reader, {
      districtCode: actor.scope.districtCode,
      offset: filter.offset,
      limit: filter.limit,
      ...(departmentId ? { departmentId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(actor.scope.communityIds ? { communityIds: actor.scope.communityIds } : {}),
    });
  }
}
