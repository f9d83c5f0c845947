import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BaselineMark } from '../../persistence/catalogue-baseline.repository.js';

/** Marks a published version of the caller's district catalogue as its pre-reform baseline; the latest mark stands. */
export class MarkCatalogueBaselineCommand extends Command<BaselineMark> {
  constructor(
    readonly actor: Principal,
    readonly version: number,
    readonly note: string | null,
  ) {
    super();
  }
}
