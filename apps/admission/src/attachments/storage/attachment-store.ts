import type { Transaction } from '@jianfu/platform';

/**
 * Where attachment contents live (a port: the metadata row is always in the service's schema). `postgres`
 * keeps them in `submission_attachment_content`, written in the transaction that records the attachment;
 * `disk` keeps one file per attachment under ATTACHMENT_DIR. An S3-compatible object store is a third
 * implementation of this class (put/get/remove by key), chosen by ATTACHMENT_STORAGE; see decision 0008.
 */
export abstract class AttachmentStore {
  abstract readonly kind: 'postgres' | 'disk';
  abstract put(tx: Transaction, key: string, content: Buffer): Promise<void>;
  abstract get(tx: Transaction, key: string): Promise<Buffer | null>;
  abstract remove(tx: Transaction, key: string): Promise<void>;
}
