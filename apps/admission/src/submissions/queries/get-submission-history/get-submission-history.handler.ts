import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApprovalAuditRepository, ApprovalInboxRepository } from '@jianfu/approvals';
import { TransactionRunner } from '@jianfu/platform';
import { assertVisible } from '../../domain/submission-access.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { GetSubmissionHistoryQuery } from './get-submission-history.query.js';

@QueryHandler(GetSubmissionHistoryQuery)
export class GetSubmissionHistoryHandler implements IQueryHandler<GetSubmissionHistoryQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly audit: ApprovalAuditRepository,
    private readonly inbox: ApprovalInboxRepository,
  ) {}

  async execute({ actor, submissionId: id }: GetSubmissionHistoryQuery) {
    const tx = this.transactions.reader;
    const submission = assertVisible(actor, await this.submissions.find(tx, id), id);
    const [rounds, trail, steps] = await Promise.all([
      this.submissions.rounds(tx, id),
      this.audit.listForSubject(tx, 'admission-submission', id, submission.districtCode),
      this.inbox.listForSubject(tx, 'admission-submission', id),
    ]);
    return { submissionId: id, status: submission.status, rounds, audit: trail, assignments: steps };
  }
}
