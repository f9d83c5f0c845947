import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { Attachment } from '../../domain/attachment.js';

/** A file of a submission with its contents, for download. */
export class GetAttachmentQuery extends Query<{ attachment: Attachment; content: Buffer }> {
  constructor(
    readonly actor: Principal,
    readonly submissionId: string,
    readonly attachmentId: string,
  ) {
    super();
  }
}
