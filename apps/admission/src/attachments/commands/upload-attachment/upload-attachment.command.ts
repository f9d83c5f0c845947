import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { Attachment } from '../../domain/attachment.js';

/** The file as multer hands it over; absent when the request carried no part named `file`. */
export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

/** Adds a file to a draft or to a returned submission being amended. */
export class UploadAttachmentCommand extends Command<Attachment> {
  constructor(
    readonly actor: Principal,
    readonly submissionId: string,
    readonly file: UploadedFile | undefined,
  ) {
    super();
  }
}
