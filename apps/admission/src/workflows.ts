// The entry of this service's workflow bundle: workflows only, so the bundle holds no I/O code.
export { taskAdmissionWorkflow } from './submissions/workflows/task-admission.workflow.js';
export { meetingSummonsReviewWorkflow } from './meetings/workflows/meeting-summons-review.workflow.js';
