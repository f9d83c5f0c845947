import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ApprovalActionSender,
  actorFromPrincipal,
  type ApprovalAction,
  type ApprovalActionResult,
  ApprovalAuditRepository,
  ApprovalErrors,
  decisionKinds,
} from '@jianfu/approvals';
import { DomainError, hasRole, Roles, ScopeError, TransactionRunner } from '@jianfu/platform';
import { assertOwnDepartment, assertVisible } from '../../domain/submission-access.js';
import { SubmissionErrors } from '../../domain/submission.errors.js';
import { taskAdmissionWorkflowId } from '../../domain/submission.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { reviewStepIds } from '../../workflows/task-admission.contract.js';
import { ActOnSubmissionCommand } from './act-on-submission.command.js';

/**
 * Checks identity and scope, then hands the action to the review workflow, whose validator states the
 * rules of the step (right actor, right state, reason given, reminders left).
 */
@CommandHandler(ActOnSubmissionCommand)
export class ActOnSubmissionHandler implements ICommandHandler<ActOnSubmissionCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly audit: ApprovalAuditRepository,
  ) {}

  async execute(command: ActOnSubmissionCommand): Promise<ApprovalActionResult> {
    const { actor, submissionId } = command;
    const submission = assertVisible(
      actor,
      await this.submissions.find(this.transactions.reader, submissionId),
      submissionId,
    );
    if (!submission.workflowId) {
      throw DomainError.of(
        SubmissionErrors['submission.not-submitted'],
        'This submission has not been submitted for review',
      );
    }
    const kind = command.kind === 'resubmit' ? 'approve' : command.kind;
    if (command.kind === 'resubmit' || command.kind === 'withdraw') {
      assertOwnDepartment(actor, submission);
    }
    if (command.kind === 'resubmit' && submission.status !== 'returned') {
      throw DomainError.of(
        SubmissionErrors['submission.not-returned'],
        `A submission that is ${submission.status} cannot be resubmitted`,
      );
    }
    // A department never decides on its own department's submission, whoever in it asks.
    if (
      command.kind !== 'resubmit' &&
      decisionKinds.includes(kind) &&
      actor.scope.departmentId === submission.departmentId
    ) {
      throw DomainError.of(
        ApprovalErrors['approval.self-decision'],
        'A department may not decide on its own submission',
      );
    }
    if (hasRole(actor, Roles.CommunitySecretary) && decisionKinds.includes(kind) && !actor.scope.communityIds?.length) {
      throw new ScopeError('A community secretary acts for a community');
    }
    const action: ApprovalAction = {
      kind,
      actor: actorFromPrincipal(actor),
      ...(command.kind === 'resubmit' ? { stepId: reviewStepIds(submission.round).amendment } : {}),
      ...(command.details.reason ? { reason: command.details.reason } : {}),
      ...(command.details.targetUserId ? { targetUserId: command.details.targetUserId } : {}),
      ...(command.details.targetRole ? { targetRole: command.details.targetRole } : {}),
      ...(command.details.comment ? { comment: command.details.comment } : {}),
      ...(command.details.slotId ? { slotId: command.details.slotId } : {}),
    };
    try {
      return await this.approvalActions.send(
        taskAdmissionWorkflowId(submissionId),
        action,
        command.idempotencyKey ? `${submissionId}:${command.idempotencyKey}` : undefined,
      );
    } catch (error) {
      // The review has finished: the same actor repeating its decision gets that decision back, once.
      if (error instanceof DomainError && error.code === 'approval.closed') {
        const [last] = await this.audit.decisionsBy(this.transactions.reader, submissionId, actor.userId);
        if (last && last.action === kind) return { duplicate: true, step: last.stepSnapshot };
      }
      throw error;
    }
  }
}
