import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { CatalogueItem } from '../../domain/catalogue-item.js';

/** Proposes the next catalogue version from a file's content (CSV with the export header, or JSON). */
export class ImportCatalogueVersionCommand extends Command<VersionProposal<CatalogueItem>> {
  constructor(
    readonly actor: Principal,
    readonly format: 'csv' | 'json',
    readonly content: string,
    readonly note: string | null,
  ) {
    super();
  }
}
