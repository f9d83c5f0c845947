import type { CatalogueItem } from '../../../catalogue/domain/catalogue-item.js';
import type { TaskView } from '../../../gate/domain/admitted-task.js';
import type { Submission } from '../../domain/submission.js';
import type { TaskAdmissionStatus } from '../../workflows/task-admission.contract.js';
import type { ConsultationProgress, FundingCheck } from './reviewer-view.js';

/**
 * A submission with what a reviewer weighs in the same answer: where its review stands (null when no review runs
 * or the workflow gives no answer), its task once admitted, the catalogue item checked against, the funding against
 * its standard, and the communities' consultation so far.
 */
export interface SubmissionDetail extends Submission {
  review: TaskAdmissionStatus | null;
  task: TaskView | null;
  catalogueItem: CatalogueItem | null;
  funding: FundingCheck;
  consultation: ConsultationProgress | null;
}
