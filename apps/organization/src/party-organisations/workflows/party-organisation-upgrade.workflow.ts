import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  decidePartyOrganisationUpgrade,
  type PartyOrganisationUpgradeInput,
  type PartyOrganisationUpgradeStatus,
  partyOrganisationUpgradeStatus,
  type UpgradeDecision,
} from '@jianfu/contracts/workflows';
import type { PartyOrganisationUpgradeActivities } from './party-organisation-upgrade.activities.js';

const { recordUpgradeOutcome } = proxyActivities<PartyOrganisationUpgradeActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * 党组织升格审批: waits for the organisation department's decision, sent as an Update, until the
 * deadline; then records the outcome (and, when approved, the upgrade and its event) in one activity.
 */
export async function partyOrganisationUpgradeWorkflow(
  input: PartyOrganisationUpgradeInput,
): Promise<PartyOrganisationUpgradeStatus> {
  let status: PartyOrganisationUpgradeStatus = { state: 'awaiting-decision' };
  let decision: UpgradeDecision | undefined;

  setHandler(partyOrganisationUpgradeStatus, () => status);
  setHandler(
    decidePartyOrganisationUpgrade,
    async (received) => {
      decision = received;
      await condition(() => status.state !== 'awaiting-decision');
      return status;
    },
    {
      validator: (received: UpgradeDecision) => {
        if (decision || status.state !== 'awaiting-decision') {
          throw new Error(`This request is already ${decision ? 'decided' : status.state}`);
        }
        if (received.action === 'reject' && !received.reason?.trim()) {
          throw new Error('A rejection needs a reason');
        }
      },
    },
  );

  const decided = await condition(() => decision !== undefined, input.decisionTimeoutMs);
  if (!decided || !decision) {
    await recordUpgradeOutcome(input, { outcome: 'expired' });
    status = { state: 'expired' };
  } else {
    const outcome = decision.action === 'approve' ? 'approved' : 'rejected';
    await recordUpgradeOutcome(input, { outcome, decision });
    status = { state: outcome, decision };
  }
  await condition(allHandlersFinished);
  return status;
}
