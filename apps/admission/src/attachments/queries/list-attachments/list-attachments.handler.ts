import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { assertVisible } from '../../../submissions/domain/submission-access.js';
import { SubmissionsRepository } from '../../../submissions/persistence/submissions.repository.js';
import type { Attachment } from '../../domain/attachment.js';
import { AttachmentsRepository } from '../../persistence/attachments.repository.js';
import { ListAttachmentsQuery } from './list-attachments.query.js';

/** The files of a submission, for whoever may see the submission (as GetAttachmentHandler). */
@QueryHandler(ListAttachmentsQuery)
export class ListAttachmentsHandler implements IQueryHandler<ListAttachmentsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly attachments: AttachmentsRepository,
  ) {}

  async execute({ actor, submissionId, page }: ListAttachmentsQuery): Promise<Page<Attachment>> {
    const tx = this.transactions.reader;
    assertVisible(actor, await this.submissions.find(tx, submissionId), submissionId);
    // A submission carries a handful of files: they are read whole and paged here.
    const all = await this.attachments.listFor(tx, submissionId);
    return toPage(all.slice(page.offset, page.offset + page.limit), all.length, page);
  }
}
