// The entry of this service's workflow bundle: workflows only, so the bundle holds no I/O code.
export { assessmentCycleClosingWorkflow } from './assessments/workflows/assessment-cycle-closing.workflow.js';
export { promotionWorkflow } from './careers/workflows/promotion.workflow.js';
export { recruitmentWorkflow } from './recruitment/workflows/recruitment.workflow.js';
export { cadreReviewCycleApprovalWorkflow } from './cadre-review-cycles/workflows/cadre-review-cycle-approval.workflow.js';
