import { defineErrorCodes } from '@jianfu/platform';

/** What the attachments of a submission refuse. */
export const AttachmentErrors = defineErrorCodes({
  'attachment.not-found': { status: 404, description: 'No such attachment on this submission' },
  'attachment.file-required': {
    status: 400,
    description: 'The request carries no file: send multipart/form-data with one part named `file`',
  },
  'attachment.too-large': { status: 413, description: 'The file is larger than ATTACHMENT_MAX_BYTES' },
  'attachment.type-not-allowed': {
    status: 415,
    description:
      'The file’s extension is not in ATTACHMENT_TYPES, or its content (sniffed, not the declared type) is not of that extension',
  },
  'attachment.frozen': {
    status: 409,
    description:
      'The submission is under review or decided: its attachments are frozen (files are added to a draft or a returned submission, removed only from a draft never submitted)',
  },
});
