import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  chinaDateOf,
  type PolicyBook,
  type PolicyVersion,
  serviceTaskQueue,
  type TransactionRunner,
} from '@jianfu/platform';
import { type ReviewPolicy, reviewPolicyKind } from '../domain/review-policy.js';
import type { AdmissionConfig } from '../../config.js';
import { type Submission, taskAdmissionWorkflowId } from '../domain/submission.js';
import { reviewSettings } from '../workflows/review-settings.js';
import type { TaskAdmissionInput } from '../workflows/task-admission.contract.js';

/**
 * Starts a submitted submission's review under the id derived from it. Starting it again is harmless:
 * the id is refused while a review runs or after it finished, and that refusal counts as started, so the
 * submit command and the reconciler may both try. Any other refusal is thrown to the caller. The district's
 * `review` policy in force (read by the caller) goes into the input with its version: a running review keeps
 * its deadlines whatever is published later.
 */
export async function startTaskAdmissionReview(
  temporal: Client,
  config: AdmissionConfig,
  serviceName: string,
  submission: Submission,
  correlationId: string,
  policy: PolicyVersion<ReviewPolicy>,
): Promise<void> {
  const input: TaskAdmissionInput = {
    submissionId: submission.id,
    districtCode: submission.districtCode,
    departmentId: submission.departmentId,
    submitterId: submission.submitterId,
    title: submission.title,
    settings: reviewSettings(policy.document),
    correlationId,
    policyVersion: policy.version,
  };
  try {
    await temporal.workflow.start('taskAdmissionWorkflow', {
      workflowId: taskAdmissionWorkflowId(submission.id),
      taskQueue: serviceTaskQueue(config, serviceName),
      // A finished review is never started over by a late retry.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}

/**
 * The district's `review` policy in force on the day the submission was first submitted, so the submit
 * command and the reconciler (which may start the review later) read the same version.
 */
export function reviewPolicyFor(
  transactions: TransactionRunner,
  policies: PolicyBook,
  submission: Submission,
): Promise<PolicyVersion<ReviewPolicy>> {
  return transactions.run((tx) =>
    policies.effective<ReviewPolicy>(
      tx,
      submission.districtCode,
      reviewPolicyKind,
      chinaDateOf(submission.firstSubmittedAt ?? new Date()),
    ),
  );
}
