import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ApprovalAuditRepository, ApprovalInboxRepository } from '@jianfu/approvals';
import { hasRole, type Principal, TransactionRunner } from '@jianfu/platform';
import { TasksRepository } from '../../gate/persistence/tasks.repository.js';
import { assertVisible, districtReaders } from '../domain/submission-access.js';
import type { SubmissionStatus } from '../domain/submission.js';
import { SubmissionsRepository } from '../persistence/submissions.repository.js';
import { type TaskAdmissionStatus, taskAdmissionStatus } from '../workflows/task-admission.contract.js';

/** Reads of submissions, each limited to what the caller may see. */
@Injectable()
export class SubmissionQueries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: ApprovalAuditRepository,
    private readonly inbox: ApprovalInboxRepository,
    private readonly temporal: Client,
  ) {}

  async get(actor: Principal, id: string) {
    const tx = this.transactions.reader;
    const submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    let review: TaskAdmissionStatus | null = null;
    if (submission.workflowId && ['in-review', 'returned'].includes(submission.status)) {
      review = await this.temporal.workflow
        .getHandle(submission.workflowId)
        .query(taskAdmissionStatus)
        .catch(() => null);
    }
    const task = await this.tasks.findBySubmission(tx, id);
    return { ...submission, review, task };
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
