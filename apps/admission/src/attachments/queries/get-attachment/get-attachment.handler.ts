import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { assertVisible } from '../../../submissions/domain/submission-access.js';
import { SubmissionsRepository } from '../../../submissions/persistence/submissions.repository.js';
import type { Attachment } from '../../domain/attachment.js';
import { AttachmentErrors } from '../../domain/attachment.errors.js';
import { AttachmentsRepository } from '../../persistence/attachments.repository.js';
import { AttachmentStore } from '../../storage/attachment-store.js';
import { GetAttachmentQuery } from './get-attachment.query.js';

/**
 * A file of a submission, for whoever may see the submission: its department, the district's reviewers,
 * committee, leaders and finance, and the secretaries of the communities it targets once submitted.
 */
@QueryHandler(GetAttachmentQuery)
export class GetAttachmentHandler implements IQueryHandler<GetAttachmentQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly store: AttachmentStore,
  ) {}

  async execute({
    actor,
    submissionId,
    attachmentId,
  }: GetAttachmentQuery): Promise<{ attachment: Attachment; content: Buffer }> {
    const tx = this.transactions.reader;
    assertVisible(actor, await this.submissions.find(tx, submissionId), submissionId);
    const attachment = await this.attachments.find(tx, submissionId, attachmentId);
    const content = attachment && (await this.store.get(tx, attachmentId));
    if (!attachment || !content) {
      throw DomainError.of(AttachmentErrors['attachment.not-found'], `No attachment ${attachmentId} here`);
    }
    return { attachment, content };
  }
}
