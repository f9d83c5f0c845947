import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApprovalAuditRepository, ApprovalInboxRepository } from '@jianfu/approvals';
import { TransactionRunner } from '@jianfu/platform';
import { CatalogueRepository } from '../../../catalogue/persistence/catalogue.repository.js';
import { TasksRepository } from '../../../gate/persistence/tasks.repository.js';
import { assertVisible } from '../../domain/submission-access.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { GetSubmissionQuery } from './get-submission.query.js';
import { reviewStateOf } from './review-state.js';
import { consultationProgress, fundingCheck } from './reviewer-view.js';
import type { SubmissionDetail } from './submission-detail.view.js';

@QueryHandler(GetSubmissionQuery)
export class GetSubmissionHandler implements IQueryHandler<GetSubmissionQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: ApprovalAuditRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly inbox: ApprovalInboxRepository,
  ) {}

  async execute({ actor, submissionId: id }: GetSubmissionQuery): Promise<SubmissionDetail> {
    const tx = this.transactions.reader;
    let submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    // Where the review stands comes from the database, not from a Temporal query: a query per read went through the
    // task queue to the worker, which under load answered in a second or more and took the worker's time from the
    // reviews themselves. The open step is read before the submission row is read again, so the row (its status,
    // round and pre-check, written before a step opens) is at least as new as the step it is shown with.
    const openStepIds =
      submission.workflowId && ['in-review', 'returned'].includes(submission.status)
        ? await this.inbox.openStepIds(tx, submission.workflowId)
        : null;
    if (openStepIds) submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    const review = openStepIds ? reviewStateOf(submission, openStepIds) : null;
    // What a reviewer weighs, in the same answer: the catalogue item checked against (or in force, for a draft),
    // the funding against its standard, and the communities' opinions so far. The reads are independent, so they
    // go out together; a task exists only once its submission is admitted (one transaction writes both).
    const version = submission.catalogueVersion ?? (await this.catalogue.currentVersion(tx, submission.districtCode));
    const [task, catalogueItem, consultation] = await Promise.all([
      submission.status === 'admitted' ? this.tasks.findBySubmission(tx, id) : null,
      version !== null && submission.catalogueItemCode
        ? this.catalogue.item(tx, submission.districtCode, version, submission.catalogueItemCode)
        : null,
      // The latest consultation step as its last audit entry left it: one row, not the whole trail.
      submission.status === 'draft'
        ? null
        : this.audit.latestStepSnapshot(
            tx,
            { subjectType: 'admission-submission', subjectId: id, districtCode: submission.districtCode },
            'consultation-',
          ),
    ]);
    return {
      ...submission,
      review,
      task,
      catalogueItem,
      funding: fundingCheck(submission, catalogueItem),
      consultation: consultationProgress(consultation),
    };
  }
}
