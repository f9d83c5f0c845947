import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  currentWorkflowRevision,
  type PartyOrganisationUpgradeApprovalInput,
  partyOrganisationUpgradeApprovalWorkflowType,
  partyOrganisationUpgradeWorkflowId,
} from '@jianfu/contracts/workflows';
import {
  chinaDateOf,
  DomainError,
  NotFoundError,
  PolicyBook,
  reachesCommunity,
  RequestContext,
  TransactionRunner,
  WorkflowStarts,
} from '@jianfu/platform';
import { OrganizationConfig } from '../../../config.js';
import {
  type PartyOrganisationPolicy,
  thresholdsOf,
  partyOrganisationPolicyKind,
} from '../../domain/party-organisation-policy.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { assertUpgradeJustified } from '../../domain/party-organisation-kind.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import { RequestUpgradeCommand } from './request-upgrade.command.js';
import { HierarchyErrors } from '../../../communities/domain/communities.errors.js';
import { PartyOrganisationErrors } from '../../domain/party-organisations.errors.js';

/**
 * Opens an upgrade request when the membership justifies it, then starts its approval on the approval kit.
 * One request per community may await a decision at a time (a partial unique index enforces it).
 */
@CommandHandler(RequestUpgradeCommand)
export class RequestUpgradeHandler implements ICommandHandler<RequestUpgradeCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly workflows: WorkflowStarts,
    private readonly config: OrganizationConfig,
    private readonly policies: PolicyBook,
  ) {}

  async execute(command: RequestUpgradeCommand): Promise<{ requestId: string; workflowId: string }> {
    const requestId = randomUUID();
    const workflowId = partyOrganisationUpgradeWorkflowId(requestId);
    await this.transactions.run(async (tx) => {
      const community = await this.units.findCommunity(tx, command.communityId);
      if (!community || !reachesCommunity(command.actor, { ...community, communityId: community.id })) {
        throw new NotFoundError('community', command.communityId);
      }
      if (community.status !== 'active') {
        throw DomainError.of(
          HierarchyErrors['hierarchy.unit-merged'],
          `${community.name} was merged into another community`,
        );
      }
      const organisation = await this.partyOrganisations.findForUpdate(tx, command.communityId);
      if (!organisation) throw new NotFoundError('party-organisation', command.communityId);
      // The district's thresholds in force today; the approval receives their version in its input.
      const policy = await this.policies.effective<PartyOrganisationPolicy>(
        tx,
        community.districtCode,
        partyOrganisationPolicyKind,
        chinaDateOf(new Date()),
      );
      assertUpgradeJustified(
        organisation.kind,
        command.toKind,
        organisation.memberCount,
        thresholdsOf(policy.document),
      );
      const opened = await this.partyOrganisations.insertRequest(tx, {
        id: requestId,
        communityId: command.communityId,
        fromKind: organisation.kind,
        toKind: command.toKind,
        memberCount: organisation.memberCount,
        status: 'awaiting-decision',
        requestedBy: command.actor.userId,
        requestedAt: new Date(),
      });
      if (!opened) {
        throw DomainError.of(
          PartyOrganisationErrors['party-organisation.upgrade-pending'],
          'This community already has an upgrade request awaiting decision',
        );
      }
      const input: PartyOrganisationUpgradeApprovalInput = {
        workflowRevision: currentWorkflowRevision,
        requestId,
        communityId: command.communityId,
        communityName: community.name,
        districtCode: community.districtCode,
        fromKind: organisation.kind,
        toKind: command.toKind,
        memberCount: organisation.memberCount,
        requestedBy: command.actor.userId,
        decisionWorkingDays: this.config.UPGRADE_DECISION_WORKING_DAYS,
        policyVersion: policy.version,
        correlationId: RequestContext.current()?.correlationId ?? requestId,
      };
      // The request and its approval's start are one write: a request awaiting decision always has its approval.
      await this.workflows.request(tx, {
        workflowType: partyOrganisationUpgradeApprovalWorkflowType,
        workflowId,
        args: [input],
      });
    });
    await this.workflows.startRequested(workflowId);
    return { requestId, workflowId };
  }
}
