import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { Attachment } from '../../domain/attachment.js';

/** The files uploaded to a submission, oldest first. */
export class ListAttachmentsQuery extends Query<Page<Attachment>> {
  constructor(
    readonly actor: Principal,
    readonly submissionId: string,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
