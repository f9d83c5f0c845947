import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

/** The file to import: CSV text, or an Excel workbook's bytes. */
export type WorkerImportFile = { csv: string } | { xlsx: Buffer };

export class ImportWorkersCommand extends Command<{ imported: number; workerIds: string[] }> {
  constructor(
    readonly file: WorkerImportFile,
    readonly reason: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
