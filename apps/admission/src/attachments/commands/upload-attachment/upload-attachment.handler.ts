import { createHash, randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { assertOwnDepartment, assertVisible } from '../../../submissions/domain/submission-access.js';
import { editableStatuses } from '../../../submissions/domain/submission.js';
import { SubmissionsRepository } from '../../../submissions/persistence/submissions.repository.js';
import { AttachmentPolicy } from '../../domain/attachment-policy.js';
import { AttachmentErrors } from '../../domain/attachment.errors.js';
import type { Attachment } from '../../domain/attachment.js';
import { AttachmentsRepository } from '../../persistence/attachments.repository.js';
import { AttachmentStore } from '../../storage/attachment-store.js';
import { UploadAttachmentCommand } from './upload-attachment.command.js';

/**
 * Adds a file to a draft or to a returned submission being amended (for the round it will be resubmitted as).
 * The file is judged by its extension and sniffed content before anything is written; metadata and (in Postgres)
 * contents are written in one transaction, under the submission's row lock so a concurrent submit waits.
 */
@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<UploadAttachmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly store: AttachmentStore,
    private readonly policy: AttachmentPolicy,
  ) {}

  async execute({ actor, submissionId, file }: UploadAttachmentCommand): Promise<Attachment> {
    if (!file) {
      throw DomainError.of(
        AttachmentErrors['attachment.file-required'],
        'Send the file as multipart/form-data in a part named `file`',
      );
    }
    // Who may attach is decided before the file is judged: a stranger learns nothing about the rules.
    const visible = assertVisible(
      actor,
      await this.submissions.find(this.transactions.reader, submissionId),
      submissionId,
    );
    assertOwnDepartment(actor, visible);
    const accepted = await this.policy.accept(file.originalname, file.buffer);
    return this.transactions.run(async (tx) => {
      const submission = assertVisible(actor, await this.submissions.find(tx, submissionId, true), submissionId);
      if (!editableStatuses.includes(submission.status)) {
        throw DomainError.of(
          AttachmentErrors['attachment.frozen'],
          `The submission is ${submission.status}: its attachments are frozen`,
        );
      }
      const id = randomUUID();
      const attachment = await this.attachments.insert(tx, {
        id,
        submissionId,
        // The round it will be submitted with: a draft's round is 0, a returned one's the round returned.
        round: submission.round + 1,
        fileName: accepted.fileName,
        extension: accepted.extension,
        mediaType: accepted.mediaType,
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        storage: this.store.kind,
        uploadedBy: actor.userId,
      });
      await this.store.put(tx, id, file.buffer);
      return attachment;
    });
  }
}
