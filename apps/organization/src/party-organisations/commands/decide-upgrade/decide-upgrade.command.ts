import { Command } from '@nestjs/cqrs';
import type { ApprovalStepResponse } from '@jianfu/approvals';
import type { PartyOrganisationUpgradeState, UpgradeDecision } from '@jianfu/contracts/workflows';
import type { Principal } from '@jianfu/platform';
import type { UpgradeActionKind } from '../../domain/upgrade-action.js';

/** Where the request stands after the action; the workflow's own `state` is answered as `status`. */
export interface UpgradeActionOutcome {
  status: PartyOrganisationUpgradeState;
  decision?: UpgradeDecision;
  duplicate?: boolean;
  step?: ApprovalStepResponse;
}

export class DecideUpgradeCommand extends Command<UpgradeActionOutcome> {
  constructor(
    readonly requestId: string,
    readonly action: UpgradeActionKind,
    readonly details: { reason?: string; targetUserId?: string; targetRole?: string; comment?: string },
    readonly actor: Principal,
    /** The client's Idempotency-Key; a repeated decision with the same key returns the first result. */
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
