import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  ApprovalActionSender,
  actorFromPrincipal,
  type ApprovalStepStatus,
  toApprovalStepResponse,
} from '@jianfu/approvals';
import {
  decidePartyOrganisationUpgrade,
  type PartyOrganisationUpgradeState,
  partyOrganisationUpgradeWorkflowId,
  partyOrganisationUpgradeWorkflowType,
} from '@jianfu/contracts/workflows';
import { DomainError, NotFoundError, reachesCommunity, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import { DecideUpgradeCommand, type UpgradeActionOutcome } from './decide-upgrade.command.js';
import { PartyOrganisationErrors } from '../../domain/party-organisations.errors.js';

const requestStatusOfStep: Record<ApprovalStepStatus['state'], PartyOrganisationUpgradeState> = {
  open: 'awaiting-decision',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  expired: 'expired',
  returned: 'awaiting-decision',
};

/**
 * Sends an action on an upgrade request to its approval. Identity and scope (the request's community) are checked
 * here; requests on the approval kit take the kit's actions and rules (`sendApprovalAction`), requests opened
 * before it (`partyOrganisationUpgradeWorkflow`, still waiting) take a decision through their own Update.
 */
@CommandHandler(DecideUpgradeCommand)
export class DecideUpgradeHandler implements ICommandHandler<DecideUpgradeCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly temporal: Client,
    private readonly workflows: WorkflowStarts,
  ) {}

  async execute(command: DecideUpgradeCommand): Promise<UpgradeActionOutcome> {
    const request = await this.partyOrganisations.findRequest(this.transactions.reader, command.requestId);
    const community = request && (await this.units.findCommunity(this.transactions.reader, request.communityId));
    if (!request || !community || !reachesCommunity(command.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('upgrade-request', command.requestId);
    }
    if (request.status !== 'awaiting-decision') {
      // The same actor repeating the decision that closed the request gets its outcome again.
      const decision = command.action === 'approve' || command.action === 'reject' ? command.action : undefined;
      const sameDecision =
        decision !== undefined &&
        request.decidedBy === command.actor.userId &&
        request.status === (decision === 'approve' ? 'approved' : 'rejected');
      if (sameDecision) {
        return {
          status: request.status as 'approved' | 'rejected',
          decision: {
            action: decision,
            actorId: command.actor.userId,
            ...(request.decisionReason ? { reason: request.decisionReason } : {}),
          },
          duplicate: true,
        };
      }
      throw DomainError.of(
        PartyOrganisationErrors['approval.closed'],
        `Upgrade request ${command.requestId} is already ${request.status}`,
      );
    }
    const workflowId = partyOrganisationUpgradeWorkflowId(command.requestId);
    const handle = this.temporal.workflow.getHandle(workflowId);
    if ((await this.workflowType(handle, command.requestId)) === partyOrganisationUpgradeWorkflowType) {
      return this.decideOnFirstForm(command, request.requestedBy, handle);
    }
    const result = await this.approvalActions.send(
      workflowId,
      {
        kind: command.action,
        actor: actorFromPrincipal(command.actor),
        ...(command.details.reason ? { reason: command.details.reason } : {}),
        ...(command.details.targetUserId ? { targetUserId: command.details.targetUserId } : {}),
        ...(command.details.targetRole ? { targetRole: command.details.targetRole } : {}),
        ...(command.details.comment ? { comment: command.details.comment } : {}),
      },
      command.idempotencyKey,
    );
    const closedBy = result.step.closedBy;
    const decided = closedBy && (closedBy.kind === 'approve' || closedBy.kind === 'reject') ? closedBy : undefined;
    return {
      // The decision: the workflow records it (and the upgrade) a moment after answering.
      status: requestStatusOfStep[result.step.state],
      ...(decided
        ? {
            decision: {
              action: decided.kind as 'approve' | 'reject',
              actorId: decided.actorId,
              ...(decided.reason ? { reason: decided.reason } : {}),
            },
          }
        : {}),
      duplicate: result.duplicate,
      step: toApprovalStepResponse(result.step),
    };
  }

  private async workflowType(handle: WorkflowHandle, requestId: string): Promise<string> {
    try {
      // A request whose workflow's start is still pending has it started now.
      return (await this.workflows.callStarting(handle.workflowId, () => handle.describe())).type;
    } catch (error) {
      if ((error as Error).name === 'WorkflowNotFoundError') {
        throw DomainError.of(
          PartyOrganisationErrors['approval.closed'],
          `Upgrade request ${requestId} is no longer awaiting a decision`,
        );
      }
      throw error;
    }
  }

  /** A request opened before the approval kit: approve or reject only, through the workflow's own Update. */
  private async decideOnFirstForm(
    command: DecideUpgradeCommand,
    requestedBy: string,
    handle: WorkflowHandle,
  ): Promise<UpgradeActionOutcome> {
    const action = command.action;
    if (action !== 'approve' && action !== 'reject') {
      throw DomainError.of(
        PartyOrganisationErrors['approval.decision-refused'],
        'A request opened before the approval kit can only be approved or rejected',
      );
    }
    if (requestedBy === command.actor.userId) {
      throw DomainError.of(
        PartyOrganisationErrors['approval.self-decision'],
        'Whoever requested an upgrade may not decide it',
      );
    }
    // Temporal runs an Update id once: the same key, or the same actor sending the same action, has one effect.
    const updateId = command.idempotencyKey
      ? `key:${command.idempotencyKey}`
      : `actor:${command.actor.userId}:${action}`;
    try {
      const outcome = await handle.executeUpdate(decidePartyOrganisationUpgrade, {
        args: [
          {
            action,
            actorId: command.actor.userId,
            ...(command.details.reason ? { reason: command.details.reason } : {}),
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
