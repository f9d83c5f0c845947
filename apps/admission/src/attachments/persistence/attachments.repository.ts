import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { Attachment } from '../domain/attachment.js';

const columns = `id, submission_id AS "submissionId", round, file_name AS "fileName", extension,
  media_type AS "mediaType", size_bytes::float8 AS "sizeBytes", sha256, storage, uploaded_by AS "uploadedBy",
  uploaded_at AS "uploadedAt"`;

@Injectable()
export class AttachmentsRepository {
  async insert(tx: Transaction, attachment: Omit<Attachment, 'uploadedAt'>): Promise<Attachment> {
    const [row] = await entityManagerOf(tx).query<Attachment[]>(
      `INSERT INTO submission_attachment (id, submission_id, round, file_name, extension, media_type, size_bytes,
         sha256, storage, uploaded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING ${columns}`,
      [
        attachment.id,
        attachment.submissionId,
        attachment.round,
        attachment.fileName,
        attachment.extension,
        attachment.mediaType,
        attachment.sizeBytes,
        attachment.sha256,
        attachment.storage,
        attachment.uploadedBy,
      ],
    );
    return row;
  }

  async listFor(tx: Transaction, submissionId: string): Promise<Attachment[]> {
    return queryRows<Attachment>(
      tx,
      `SELECT ${columns} FROM submission_attachment WHERE submission_id = $1 ORDER BY uploaded_at, id`,
      [submissionId],
    );
  }

  async find(tx: Transaction, submissionId: string, attachmentId: string): Promise<Attachment | null> {
    const [row] = await queryRows<Attachment>(
      tx,
      `SELECT ${columns} FROM submission_attachment WHERE submission_id = $1 AND id = $2`,
      [submissionId, attachmentId],
    );
    return row ?? null;
  }

  async remove(tx: Transaction, attachmentId: string): Promise<void> {
    await entityManagerOf(tx).query('DELETE FROM submission_attachment WHERE id = $1', [attachmentId]);
  }
}
