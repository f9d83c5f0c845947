import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AttachmentStore } from './attachment-store.js';

/**
 * Contents as files under one directory, named by attachment id (never by the user's file name). Written to a
 * temporary name and renamed, so a reader never sees half a file; a file whose metadata row was never committed
 * is an orphan nobody can download (the id is unguessable), left for a sweep.
 */
export class DiskAttachmentStore extends AttachmentStore {
  readonly kind = 'disk' as const;
  private readonly root: string;

  constructor(directory: string) {
    super();
    this.root = resolve(directory);
  }

  private path(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`Not an attachment key: ${key}`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(_tx: unknown, key: string, content: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    await writeFile(`${path}.part`, content);
    await rename(`${path}.part`, path);
  }

  async get(_tx: unknown, key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(_tx: unknown, key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
