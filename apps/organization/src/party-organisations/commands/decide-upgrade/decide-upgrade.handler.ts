import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { decidePartyOrganisationUpgrade, partyOrganisationUpgradeWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import { DecideUpgradeCommand, type UpgradeActionOutcome } from './decide-upgrade.command.js';
import { PartyOrganisationErrors } from '../../domain/party-organisations.errors.js';

/**
 * Sends the organisation department's decision to the request's workflow as an Update. Identity and
 * scope are checked here; the workflow's validator refuses a second decision or a reason-less rejection.
 */
@CommandHandler(DecideUpgradeCommand)
export class DecideUpgradeHandler implements ICommandHandler<DecideUpgradeCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly temporal: Client,
  ) {}

  async execute(command: DecideUpgradeCommand): Promise<UpgradeActionOutcome> {
    const request = await this.partyOrganisations.findRequest(this.transactions.reader, command.requestId);
    const community = request && (await this.units.findCommunity(this.transactions.reader, request.communityId));
    if (!request || !community || !reachesCommunity(command.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('upgrade-request', command.requestId);
    }
    if (request.requestedBy === command.actor.userId) {
      throw DomainError.of(
        PartyOrganisationErrors['approval.self-decision'],
        'Whoever requested an upgrade may not decide it',
      );
    }
    if (request.status !== 'awaiting-decision') {
      // The same actor repeating the decision that closed the request gets its outcome again.
      const sameDecision =
        request.decidedBy === command.actor.userId &&
        request.status === (command.action === 'approve' ? 'approved' : 'rejected');
      if (sameDecision) {
        return {
          status: request.status as 'approved' | 'rejected',
          decision: {
            action: command.action,
            actorId: command.actor.userId,
            ...(request.decisionReason ? { reason: request.decisionReason } : {}),
          },
        };
      }
      throw DomainError.of(
        PartyOrganisationErrors['approval.closed'],
        `Upgrade request ${command.requestId} is already ${request.status}`,
      );
    }
    const handle = this.temporal.workflow.getHandle(partyOrganisationUpgradeWorkflowId(command.requestId));
    // Temporal runs an Update id once: the same key, or the same actor sending the same action, has one effect.
    const updateId = command.idempotencyKey
      ? `key:${command.idempotencyKey}`
      : `actor:${command.actor.userId}:${command.action}`;
    try {
      const outcome = await handle.executeUpdate(decidePartyOrganisationUpgrade, {
        args: [
          {
            action: command.action,
            actorId: command.actor.userId,
            ...(command.reason ? { reason: command.reason } : {}),
          },
        ],
        updateId,
      });
      return { status: outcome.state, ...(outcome.decision ? { decision: outcome.decision } : {}) };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw DomainError.of(
          PartyOrganisationErrors['approval.decision-refused'],
          error.cause?.message ?? error.message,
        );
      }
      if ((error as Error).name === 'WorkflowNotFoundError') {
        throw DomainError.of(
          PartyOrganisationErrors['approval.closed'],
          `Upgrade request ${command.requestId} is no longer awaiting a decision`,
        );
      }
      throw error;
    }
  }
}
