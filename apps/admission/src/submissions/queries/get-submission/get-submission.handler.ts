import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
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
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute({ actor, submissionId: id }: GetSubmissionQuery): Promise<SubmissionDetail> {
    const tx = this.transactions.reader;
    // Where the review stands comes from the database, not from a Temporal query: a query per read went through the
    // task queue to the worker, which under load answered in a second or more and took the worker's time from the
    // reviews themselves. The row, the open steps and the latest consultation snapshot (one row, not the whole
    // trail) are one statement, so they are read from one snapshot and never disagree.
    const found = await this.submissions.findWithReview(tx, id, 'consultation-');
    const submission = assertVisible(actor, found?.submission ?? null, id);
    const review = found?.openStepIds ? reviewStateOf(submission, found.openStepIds) : null;
    // What a reviewer weighs, in the same answer: the catalogue item checked against (or in force, for a draft) and
    // the funding against its standard. The reads are independent, so they go out together; a task exists only
    // once its submission is admitted (one transaction writes both).
    const version = submission.catalogueVersion ?? (await this.catalogue.currentVersion(tx, submission.districtCode));
    const [task, catalogueItem] = await Promise.all([
      submission.status === 'admitted' ? this.tasks.findBySubmission(tx, id) : null,
      version !== null && submission.catalogueItemCode
        ? this.catalogue.item(tx, submission.districtCode, version, submission.catalogueItemCode)
        : null,
    ]);
    const consultation = found?.step ?? null;
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
