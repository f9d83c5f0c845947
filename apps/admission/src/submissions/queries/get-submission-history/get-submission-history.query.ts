import { Query } from '@nestjs/cqrs';
import type { ApprovalAuditEntryEntity, ApprovalInboxItemEntity } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';
import type { SubmissionStatus } from '../../domain/submission.js';
import type { SubmissionRound } from '../../persistence/submissions.repository.js';

/** Every round as submitted, and every action on the review, in order: the submission's full history. */
export class GetSubmissionHistoryQuery extends Query<{
  submissionId: string;
  status: SubmissionStatus;
  rounds: SubmissionRound[];
  audit: ApprovalAuditEntryEntity[];
  assignments: ApprovalInboxItemEntity[];
}> {
  constructor(
    readonly actor: Principal,
    readonly submissionId: string,
  ) {
    super();
  }
}
