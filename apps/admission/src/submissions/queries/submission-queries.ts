import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ApprovalAuditRepository, ApprovalInboxRepository } from '@jianfu/approvals';
import { hasRole, type Principal, TransactionRunner } from '@jianfu/platform';
import { CatalogueRepository } from '../../catalogue/persistence/catalogue.repository.js';
import { TasksRepository } from '../../gate/persistence/tasks.repository.js';
import { assertVisible, districtReaders } from '../domain/submission-access.js';
import type { SubmissionStatus } from '../domain/submission.js';
import { SubmissionsRepository } from '../persistence/submissions.repository.js';
import { type TaskAdmissionStatus, taskAdmissionStatus } from '../workflows/task-admission.contract.js';
import { consultationProgress, fundingCheck } from './get-submission/reviewer-view.js';

/** Reads of submissions, each limited to what the caller may see. */
@Injectable()
export class SubmissionQueries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: ApprovalAuditRepository,
    private readonly inbox: ApprovalInboxRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly temporal: Client,
  ) {}

  async get(actor: Principal, id: string) {
    const tx = this.transactions.reader;
    let submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    let review: TaskAdmissionStatus | null = null;
    if (submission.workflowId && ['in-review', 'returned'].includes(submission.status)) {
      review = await this.temporal.workflow
        .getHandle(submission.workflowId)
        .query(taskAdmissionStatus)
        .catch(() => null);
      // The review's state moves on only after the activities behind it committed (the pre-check's result, an
      // outcome): the row read again after the query is at least as new as the state it is shown with, never older.
      if (review) submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    }
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

  async list(actor: Principal, filter: { status?: SubmissionStatus; offset: number; limit: number }) {
    const districtWide = hasRole(actor, ...districtReaders);
    return this.submissions.list(this.transactions.reader, {
      districtCode: actor.scope.districtCode,
      ...filter,
      ...(districtWide
        ? {}
        : actor.scope.departmentId
          ? { departmentId: actor.scope.departmentId }
          : { communityIds: actor.scope.communityIds ?? [] }),
    });
  }

  /** Every round as submitted, and every action on the review, in order: the submission's full history. */
  async history(actor: Principal, id: string) {
    const tx = this.transactions.reader;
    const submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    const [rounds, trail, steps] = await Promise.all([
      this.submissions.rounds(tx, id),
      this.audit.listForSubject(tx, 'admission-submission', id, submission.districtCode),
      this.inbox.listForSubject(tx, 'admission-submission', id),
    ]);
    return {
      submissionId: id,
      status: submission.status,
      rounds,
      audit: trail,
      assignments: steps,
    };
  }
}
