import { PartyOrganisationUpgraded } from '@jianfu/contracts';
import type { PartyOrganisationUpgradeInput, UpgradeDecision } from '@jianfu/contracts/workflows';
import { EventPublisher, TransactionRunner } from '@jianfu/platform';
import type { PartyOrganisationsRepository } from '../persistence/party-organisations.repository.js';

export interface PartyOrganisationUpgradeActivityDeps {
  transactions: TransactionRunner;
  partyOrganisations: PartyOrganisationsRepository;
  events: EventPublisher;
}

export type UpgradeOutcome =
  | { outcome: 'approved' | 'rejected'; decision: UpgradeDecision }
  | { outcome: 'expired' }
  | { outcome: 'withdrawn'; actorId: string };

/** What recording an outcome needs of either workflow's input. */
export type UpgradeOutcomeInput = Pick<
  PartyOrganisationUpgradeInput,
  'requestId' | 'communityId' | 'fromKind' | 'toKind' | 'memberCount' | 'correlationId'
>;

/**
 * The I/O of the upgrade workflow. Each activity is idempotent: a retry after a crash finds the request
 * already closed and does nothing, so an approval never upgrades twice or publishes twice.
 */
export function createPartyOrganisationUpgradeActivities(deps: PartyOrganisationUpgradeActivityDeps) {
  return {
    async recordUpgradeOutcome(input: UpgradeOutcomeInput, result: UpgradeOutcome): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const request = await deps.partyOrganisations.findRequestForUpdate(tx, input.requestId);
        if (!request || request.status !== 'awaiting-decision') return;
        const decidedBy =
          result.outcome === 'expired'
            ? null
            : result.outcome === 'withdrawn'
              ? result.actorId
              : result.decision.actorId;
        const reason =
          result.outcome === 'expired'
            ? 'no decision before the deadline'
            : result.outcome === 'withdrawn'
              ? 'withdrawn by the requester'
              : (result.decision.reason ?? null);
        await deps.partyOrganisations.closeRequest(tx, input.requestId, { status: result.outcome, decidedBy, reason });
        if (result.outcome !== 'approved') return;
        await deps.partyOrganisations.findForUpdate(tx, input.communityId);
        await deps.partyOrganisations.changeKind(tx, input.communityId, input.toKind);
        await deps.events.publish(tx, PartyOrganisationUpgraded, {
          aggregateId: input.communityId,
          correlationId: input.correlationId,
          payload: {
            communityId: input.communityId,
            requestId: input.requestId,
            fromKind: input.fromKind,
            toKind: input.toKind,
            memberCount: input.memberCount,
            approvedBy: result.decision.actorId,
          },
        });
      });
    },
  };
}

export type PartyOrganisationUpgradeActivities = ReturnType<typeof createPartyOrganisationUpgradeActivities>;
