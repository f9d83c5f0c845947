import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { AttachmentStore } from '../storage/attachment-store.js';

/** Contents in the service's own schema: backed up, replicated and isolated with the rest of its data. */
export class PostgresAttachmentStore extends AttachmentStore {
  readonly kind = 'postgres' as const;

  async put(tx: Transaction, key: string, content: Buffer): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO submission_attachment_content (attachment_id, content) VALUES ($1, $2)
       ON CONFLICT (attachment_id) DO NOTHING`,
      [key, content],
    );
  }

  async get(tx: Transaction, key: string): Promise<Buffer | null> {
    const [row] = await queryRows<{ content: Buffer }>(
      tx,
      'SELECT content FROM submission_attachment_content WHERE attachment_id = $1',
      [key],
    );
    return row?.content ?? null;
  }

  async remove(tx: Transaction, key: string): Promise<void> {
    await entityManagerOf(tx).query('DELETE FROM submission_attachment_content WHERE attachment_id = $1', [key]);
  }
}
