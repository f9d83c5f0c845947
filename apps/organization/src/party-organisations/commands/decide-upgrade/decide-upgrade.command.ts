import { Command } from '@nestjs/cqrs';
import type {
  PartyOrganisationUpgradeState,
  UpgradeDecision,
  UpgradeDecisionAction,
} from '@jianfu/contracts/workflows';
import type { Principal } from '@jianfu/platform';

/** Where the request stands after the action; the workflow's own `state` is answered as `status`. */
export interface UpgradeActionOutcome {
  status: PartyOrganisationUpgradeState;
  decision?: UpgradeDecision;
}

export class DecideUpgradeCommand extends Command<UpgradeActionOutcome> {
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
