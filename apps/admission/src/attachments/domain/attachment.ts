/** A file uploaded to a submission (附件), as recorded beside its contents. */
export interface Attachment {
  id: string;
  submissionId: string;
  round: number;
  fileName: string;
  extension: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storage: 'postgres' | 'disk';
  uploadedBy: string;
  uploadedAt: Date;
}
