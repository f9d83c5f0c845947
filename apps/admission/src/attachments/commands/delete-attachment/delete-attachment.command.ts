import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

/** Removes a file added since the submission was last submitted. */
export class DeleteAttachmentCommand extends Command<void> {
  constructor(
    readonly actor: Principal,
    readonly submissionId: string,
    readonly attachmentId: string,
  ) {
    super();
  }
}
