import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { SubmissionSubmitted } from '@jianfu/contracts';
import {
  DomainError,
  EventPublisher,
  RequestContext,
  ServiceIdentity,
  serviceTaskQueue,
  TransactionRunner,
} from '@jianfu/platform';
import { AdmissionConfig } from '../../../config.js';
import { assertOwnDepartment, assertVisible } from '../../domain/submission-access.js';
import { taskAdmissionWorkflowId } from '../../domain/submission.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { contentOf } from '../../workflows/task-admission.activities.js';
import type { TaskAdmissionInput } from '../../workflows/task-admission.contract.js';
import { reviewSettings } from '../../workflows/review-settings.js';
import { SubmitSubmissionCommand } from './submit-submission.command.js';

/**
 * Submits a draft: round 1 is recorded, SubmissionSubmitted goes to the outbox and the review workflow
 * starts, all before the transaction commits — if Temporal refuses, nothing was submitted.
 */
@CommandHandler(SubmitSubmissionCommand)
export class SubmitSubmissionHandler implements ICommandHandler<SubmitSubmissionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly events: EventPublisher,
    private readonly temporal: Client,
    private readonly config: AdmissionConfig,
    private readonly identity: ServiceIdentity,
  ) {}

  async execute({ submissionId, actor }: SubmitSubmissionCommand) {
    const workflowId = taskAdmissionWorkflowId(submissionId);
    return this.transactions.run(async (tx) => {
      const submission = assertVisible(actor, await this.submissions.find(tx, submissionId, true), submissionId);
      assertOwnDepartment(actor, submission);
      if (submission.status !== 'draft') {
        // Submitting again what is already submitted answers with the same result.
        if (submission.workflowId) return { submissionId, workflowId, status: submission.status };
        throw new DomainError(
          'submission.not-draft',
          `A submission that is ${submission.status} cannot be submitted`,
          409,
        );
      }
      await this.submissions.markSubmitted(tx, submissionId, workflowId);
      await this.submissions.openRound(tx, submissionId, 1, contentOf(submission), actor.userId);
      await this.events.publish(tx, SubmissionSubmitted, {
        aggregateId: submissionId,
        payload: {
          submissionId,
          departmentId: submission.departmentId,
          districtCode: submission.districtCode,
          title: submission.title,
          round: 1,
          actorId: actor.userId,
          occurredAt: new Date().toISOString(),
        },
      });
      const input: TaskAdmissionInput = {
        submissionId,
        districtCode: submission.districtCode,
        departmentId: submission.departmentId,
        submitterId: submission.submitterId,
        title: submission.title,
        settings: reviewSettings(this.config),
        correlationId: RequestContext.current()?.correlationId ?? submissionId,
      };
      try {
        await this.temporal.workflow.start('taskAdmissionWorkflow', {
          workflowId,
          taskQueue: serviceTaskQueue(this.config, this.identity.name),
          args: [input],
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      return { submissionId, workflowId, status: 'in-review' };
    });
  }
}
