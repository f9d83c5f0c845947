import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { CatalogueItem } from '../../domain/catalogue-item.js';

/** Proposes the next version of the caller's district catalogue; published when a second reviewer approves it. */
export class ProposeCatalogueVersionCommand extends Command<VersionProposal<CatalogueItem>> {
  constructor(
    readonly actor: Principal,
    /** The items as sent: each is validated here, so the JSON body and an imported file are judged alike. */
    readonly items: unknown[],
    readonly note: string | null,
  ) {
    super();
  }
}
