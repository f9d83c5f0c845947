import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { serviceTaskQueue } from '@jianfu/platform';
import type { AdmissionConfig } from '../../config.js';
import { type Submission, taskAdmissionWorkflowId } from '../domain/submission.js';
import { reviewSettings } from '../workflows/review-settings.js';
import type { TaskAdmissionInput } from '../workflows/task-admission.contract.js';

/**
 * Starts a submitted submission's review under the id derived from it. Starting it again is harmless:
 * the id is refused while a review runs or after it finished, and that refusal counts as started, so the
 * submit command and the reconciler may both try. Any other refusal is thrown to the caller.
 */
export async function startTaskAdmissionReview(
  temporal: Client,
  config: AdmissionConfig,
  serviceName: string,
  submission: Submission,
  correlationId: string,
): Promise<void> {
  const input: TaskAdmissionInput = {
    submissionId: submission.id,
    districtCode: submission.districtCode,
    departmentId: submission.departmentId,
    submitterId: submission.submitterId,
    title: submission.title,
    settings: reviewSettings(config),
    correlationId,
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
