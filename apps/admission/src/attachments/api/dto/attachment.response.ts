import { ApiProperty } from '@nestjs/swagger';
import type { Attachment } from '../../domain/attachment.js';

/** A file uploaded to a submission (附件). */
export class SubmissionAttachmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  submissionId!: string;

  @ApiProperty({
    type: 'integer',
    description: 'The round the file was added for (frozen once that round is submitted)',
  })
  round!: number;

  @ApiProperty({ example: '关于开展低保入户核查的通知.pdf' })
  fileName!: string;

  @ApiProperty({ example: 'application/pdf', description: 'From the sniffed content and extension, not the client' })
  mediaType!: string;

  @ApiProperty({ type: 'integer', example: 245760 })
  sizeBytes!: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256!: string;

  @ApiProperty()
  uploadedBy!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: Date;

  @ApiProperty({ example: '/submissions/6f1c…/attachments/2b8f…/content', description: 'Where to download it' })
  downloadPath!: string;
}

export function toSubmissionAttachmentResponse(attachment: Attachment): SubmissionAttachmentResponse {
  return {
    id: attachment.id,
    submissionId: attachment.submissionId,
    round: attachment.round,
    fileName: attachment.fileName,
    mediaType: attachment.mediaType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    uploadedAt: attachment.uploadedAt,
    downloadPath: `/submissions/${attachment.submissionId}/attachments/${attachment.id}/content`,
  };
}
