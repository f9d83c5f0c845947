import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import type { PowerItem } from '../../domain/power-item.js';

/** Proposes the next version of a department's 权力清单, the whole register; published when a second reviewer approves. */
export class ProposePowerItemsVersionCommand extends Command<VersionProposal<PowerItem>> {
  constructor(
    readonly actor: Principal,
    readonly departmentId: string,
    readonly items: PowerItem[],
    readonly note: string | null,
  ) {
    super();
  }
}
