import { Module } from '@nestjs/common';
import { AdmissionConfig } from '../config.js';
import { SubmissionsPersistenceModule } from '../submissions/submissions.module.js';
import { AttachmentsController } from './api/attachments.controller.js';
import { AttachmentFileInterceptor } from './api/attachment-file.interceptor.js';
import { DeleteAttachmentHandler } from './commands/delete-attachment/delete-attachment.handler.js';
import { UploadAttachmentHandler } from './commands/upload-attachment/upload-attachment.handler.js';
import { AttachmentPolicy } from './domain/attachment-policy.js';
import { AttachmentsRepository } from './persistence/attachments.repository.js';
import { GetAttachmentHandler } from './queries/get-attachment/get-attachment.handler.js';
import { ListAttachmentsHandler } from './queries/list-attachments/list-attachments.handler.js';
import { AttachmentStore } from './storage/attachment-store.js';
import { DiskAttachmentStore } from './storage/disk-attachment-store.js';
import { PostgresAttachmentStore } from './persistence/postgres-attachment-store.js';

/** Files of submissions (附件): upload, list, download, remove; the store chosen by ATTACHMENT_STORAGE. */
@Module({
  imports: [SubmissionsPersistenceModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentFileInterceptor,
    UploadAttachmentHandler,
    DeleteAttachmentHandler,
    GetAttachmentHandler,
    ListAttachmentsHandler,
    {
      provide: AttachmentStore,
      inject: [AdmissionConfig],
      useFactory: (config: AdmissionConfig): AttachmentStore =>
        config.ATTACHMENT_STORAGE === 'disk'
          ? new DiskAttachmentStore(config.ATTACHMENT_DIR)
          : new PostgresAttachmentStore(),
    },
    {
      provide: AttachmentPolicy,
      inject: [AdmissionConfig],
      useFactory: (config: AdmissionConfig) =>
        new AttachmentPolicy(config.ATTACHMENT_MAX_BYTES, config.ATTACHMENT_TYPES),
    },
  ],
})
export class AttachmentsModule {}
