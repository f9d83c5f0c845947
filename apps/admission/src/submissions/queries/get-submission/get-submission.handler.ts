import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Client } from '@temporalio/client';
import { ApprovalAuditRepository } from '@jianfu/approvals';
import { TransactionRunner } from '@jianfu/platform';
import { CatalogueRepository } from '../../../catalogue/persistence/catalogue.repository.js';
import { TasksRepository } from '../../../gate/persistence/tasks.repository.js';
import { assertVisible } from '../../domain/submission-access.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { taskAdmissionStatus } from '../../workflows/task-admission.contract.js';
import { GetSubmissionQuery } from './get-submission.query.js';
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
    private readonly temporal: Client,
  ) {}

  async execute({ actor, submissionId: id }: GetSubmissionQuery): Promise<SubmissionDetail> {
    const tx = this.transactions.reader;
    let submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    // Null when the workflow gives no answer (gone, or the query fails): the rows stay the record, and the read
    // never fails for want of the review's detail.
    const review =
      submission.workflowId && ['in-review', 'returned'].includes(submission.status)
        ? await this.temporal.workflow
            .getHandle(submission.workflowId)
            .query(taskAdmissionStatus)
            .catch(() => null)
        : null;
    // The review's state moves on only after the activities behind it committed (the pre-check's result, an
    // outcome): the row read again after the query is at least as new as the state it is shown with, never older.
    if (review) submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    const task = await this.tasks.findBySubmission(tx, id);
    // What a reviewer weighs, in the same answer: the catalogue item checked against (or in force, for a draft),
    // the funding against its standard, and the communities' opinions so far.
    const version = submission.catalogueVersion ?? (await this.catalogue.currentVersion(tx, submission.districtCode));
    const catalogueItem =
      version !== null && submission.catalogueItemCode
        ? await this.catalogue.item(tx, submission.districtCode, version, submission.catalogueItemCode)
        : null;
    const trail =
      submission.status === 'draft'
        ? []
        : await this.audit.listForSubject(tx, 'admission-submission', id, submission.districtCode);
    return {
      ...submission,
      review,
      task,
      catalogueItem,
      funding: fundingCheck(submission, catalogueItem),
      consultation: consultationProgress(trail),
    };
  }
}
