import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { assertOwnDepartment, assertVisible } from '../../../submissions/domain/submission-access.js';
import { editableStatuses } from '../../../submissions/domain/submission.js';
import { SubmissionsRepository } from '../../../submissions/persistence/submissions.repository.js';
import { AttachmentErrors } from '../../domain/attachment.errors.js';
import { AttachmentsRepository } from '../../persistence/attachments.repository.js';
import { AttachmentStore } from '../../storage/attachment-store.js';
import { DeleteAttachmentCommand } from './delete-attachment.command.js';

/**
 * Removes a file added since the submission was last submitted (from a draft, or during an amendment); a file
 * a round was submitted with stays, as the reviewers saw it.
 */
@CommandHandler(DeleteAttachmentCommand)
export class DeleteAttachmentHandler implements ICommandHandler<DeleteAttachmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly store: AttachmentStore,
  ) {}

  async execute({ actor, submissionId, attachmentId }: DeleteAttachmentCommand): Promise<void> {
    await this.transactions.run(async (tx) => {
      const submission = assertVisible(actor, await this.submissions.find(tx, submissionId, true), submissionId);
      assertOwnDepartment(actor, submission);
      const attachment = await this.attachments.find(tx, submissionId, attachmentId);
      if (!attachment) {
        throw DomainError.of(AttachmentErrors['attachment.not-found'], `No attachment ${attachmentId} here`);
      }
      // `round` counts submitted rounds (0 for a draft): a file of that round or before was submitted with it.
      if (!editableStatuses.includes(submission.status) || attachment.round <= submission.round) {
        throw DomainError.of(
          AttachmentErrors['attachment.frozen'],
          `${attachment.fileName} was submitted with round ${attachment.round}: it stays as the reviewers saw it`,
        );
      }
      // Postgres contents go with the row (ON DELETE CASCADE).
      await this.attachments.remove(tx, attachmentId);
    });
    if (this.store.kind === 'disk') await this.store.remove(this.transactions.reader, attachmentId);
  }
}
