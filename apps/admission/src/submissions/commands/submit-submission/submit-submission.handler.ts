import { ServiceUnavailableException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SubmissionSubmitted } from '@jianfu/contracts';
import { currentWorkflowRevision } from '@jianfu/contracts/workflows';
import {
  chinaDateOf,
  DomainError,
  EventPublisher,
  PolicyBook,
  RequestContext,
  type Transaction,
  TransactionRunner,
  WorkflowStarts,
} from '@jianfu/platform';
import { type ReviewPolicy, reviewPolicyKind } from '../../domain/review-policy.js';
import { assertOwnDepartment, assertVisible } from '../../domain/submission-access.js';
import { SubmissionErrors } from '../../domain/submission.errors.js';
import { type Submission, taskAdmissionWorkflowId } from '../../domain/submission.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { reviewSettings } from '../../workflows/review-settings.js';
import { contentOf } from '../../workflows/task-admission.activities.js';
import type { TaskAdmissionInput } from '../../workflows/task-admission.contract.js';
import { SubmitSubmissionCommand } from './submit-submission.command.js';

/** The review workflow's type, as the worker registers it. */
const taskAdmissionWorkflowType = 'taskAdmissionWorkflow';

/**
 * Submits a draft. Round 1, the status, SubmissionSubmitted and the request to start the review workflow commit
 * together (`WorkflowStarts`); the workflow starts after the commit under an id derived from the submission. A
 * workflow therefore never runs for a submission the database does not hold as submitted, and a submission never
 * waits for a review nobody will start: if Temporal refuses the start, the caller gets 503 and the API's relay (or
 * submitting again) starts the same workflow, once.
 */
@CommandHandler(SubmitSubmissionCommand)
export class SubmitSubmissionHandler implements ICommandHandler<SubmitSubmissionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly events: EventPublisher,
    private readonly workflows: WorkflowStarts,
    private readonly policies: PolicyBook,
  ) {}

  async execute({ submissionId, actor }: SubmitSubmissionCommand) {
    const workflowId = taskAdmissionWorkflowId(submissionId);
    const status = await this.transactions.run(async (tx) => {
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
        await this.requestReview(tx, found, workflowId);
        return 'in-review' as const;
      }
      if (!found.workflowId) {
        throw DomainError.of(
          SubmissionErrors['submission.not-draft'],
          `A submission that is ${found.status} cannot be submitted`,
        );
      }
      // Submitted before its start was recorded with it: recorded now, so the relay keeps trying too. A start
      // already recorded is kept as it is.
      if (found.status === 'in-review') await this.requestReview(tx, found, workflowId);
      return found.status;
    });
    // Submitting again what is already submitted answers with the same result, and starts the review if the
    // first attempt could not.
    if (status === 'in-review' && !(await this.workflows.startRequested(workflowId))) {
      // Not the caller's fault and not final: 503; the relay or the same request later starts it.
      throw new ServiceUnavailableException(
        'The submission is recorded, but its review could not start yet; it starts once the review service accepts it',
      );
    }
    return { submissionId, workflowId, status };
  }

  /**
   * The district's `review` policy in force on the day the submission was first submitted goes into the input
   * with its version: a running review keeps its deadlines whatever is published later.
   */
  private async requestReview(tx: Transaction, submission: Submission, workflowId: string): Promise<void> {
    const policy = await this.policies.effective<ReviewPolicy>(
      tx,
      submission.districtCode,
      reviewPolicyKind,
      chinaDateOf(submission.firstSubmittedAt ?? new Date()),
    );
    const input: TaskAdmissionInput = {
      submissionId: submission.id,
      districtCode: submission.districtCode,
      departmentId: submission.departmentId,
      submitterId: submission.submitterId,
      title: submission.title,
      settings: reviewSettings(policy.document),
      correlationId: RequestContext.current()?.correlationId ?? submission.id,
      policyVersion: policy.version,
      workflowRevision: currentWorkflowRevision,
    };
    await this.workflows.request(tx, { workflowType: taskAdmissionWorkflowType, workflowId, args: [input] });
  }
}
