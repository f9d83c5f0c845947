import { ServiceUnavailableException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client } from '@temporalio/client';
import { SubmissionSubmitted } from '@jianfu/contracts';
import {
  DomainError,
  EventPublisher,
  PolicyBook,
  RequestContext,
  ServiceIdentity,
  TransactionRunner,
} from '@jianfu/platform';
import { AdmissionConfig } from '../../../config.js';
import { assertOwnDepartment, assertVisible } from '../../domain/submission-access.js';
import { SubmissionErrors } from '../../domain/submission.errors.js';
import { type Submission, taskAdmissionWorkflowId } from '../../domain/submission.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { reviewPolicyFor, startTaskAdmissionReview } from '../../review-start/start-review.js';
import { contentOf } from '../../workflows/task-admission.activities.js';
import { SubmitSubmissionCommand } from './submit-submission.command.js';

/**
 * Submits a draft. Round 1, the status and SubmissionSubmitted commit first; the review workflow starts
 * afterwards under an id derived from the submission. A workflow therefore never runs for a submission the
 * database does not hold as submitted; if Temporal refuses the start, the submission stays `in-review`
 * without a review until the review-start reconciler, or submitting it again, starts the same workflow, once.
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
    private readonly policies: PolicyBook,
  ) {}

  async execute({ submissionId, actor }: SubmitSubmissionCommand) {
    const workflowId = taskAdmissionWorkflowId(submissionId);
    const submission = await this.transactions.run(async (tx) => {
      const found = assertVisible(actor, await this.submissions.find(tx, submissionId, true), submissionId);
      assertOwnDepartment(actor, found);
      if (found.status === 'draft') {
        await this.submissions.markSubmitted(tx, submissionId, workflowId);
        await this.submissions.openRound(tx, submissionId, 1, contentOf(found), actor.userId);
        await this.events.publish(tx, SubmissionSubmitted, {
          aggregateId: submissionId,
          payload: {
            submissionId,
            departmentId: found.departmentId,
            districtCode: found.districtCode,
            title: found.title,
            round: 1,
            actorId: actor.userId,
            occurredAt: new Date().toISOString(),
          },
        });
        return { ...found, status: 'in-review' as const };
      }
      if (!found.workflowId) {
        throw DomainError.of(
          SubmissionErrors['submission.not-draft'],
          `A submission that is ${found.status} cannot be submitted`,
        );
      }
      return found;
    });
    // Submitting again what is already submitted answers with the same result, and starts the review if
    // the first attempt could not.
    if (submission.status === 'in-review') await this.startReview(submission);
    return { submissionId, workflowId, status: submission.status };
  }

  private async startReview(submission: Submission): Promise<void> {
    try {
      await startTaskAdmissionReview(
        this.temporal,
        this.config,
        this.identity.name,
        submission,
        RequestContext.current()?.correlationId ?? submission.id,
        await reviewPolicyFor(this.transactions, this.policies, submission),
      );
    } catch (error) {
      // Not the caller's fault and not final: 503; the reconciler or the same request later starts it.
      throw new ServiceUnavailableException(
        'The submission is recorded, but its review could not start yet; it starts once the review service accepts it',
        { cause: error },
      );
    }
    await this.transactions.run((tx) => this.submissions.markReviewStarted(tx, submission.id));
  }
}
