import { Command } from '@nestjs/cqrs';
import type { PartyOrganisationUpgradeStatus, UpgradeDecisionAction } from '@jianfu/contracts/workflows';
import type { Principal } from '@jianfu/platform';

export class DecideUpgradeCommand extends Command<PartyOrganisationUpgradeStatus> {
  constructor(
    readonly requestId: string,
    readonly action: UpgradeDecisionAction,
    readonly reason: string | undefined,
    readonly actor: Principal,
    /** The client's Idempotency-Key; a repeated decision with the same key returns the first result. */
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
