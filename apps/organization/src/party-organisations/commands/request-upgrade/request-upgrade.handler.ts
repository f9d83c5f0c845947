import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client } from '@temporalio/client';
import {
  type PartyOrganisationUpgradeApprovalInput,
  partyOrganisationUpgradeApprovalWorkflowType,
  partyOrganisationUpgradeWorkflowId,
} from '@jianfu/contracts/workflows';
import {
  DomainError,
  NotFoundError,
  reachesCommunity,
  RequestContext,
  ServiceIdentity,
  serviceTaskQueue,
  TransactionRunner,
} from '@jianfu/platform';
import { OrganizationConfig } from '../../../config.js';
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
    private readonly temporal: Client,
    private readonly config: OrganizationConfig,
    private readonly identity: ServiceIdentity,
  ) {}

  async execute(command: RequestUpgradeCommand): Promise<{ requestId: string; workflowId: string }> {
    const requestId = randomUUID();
    const input = await this.transactions.run(async (tx): Promise<PartyOrganisationUpgradeApprovalInput> => {
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
      assertUpgradeJustified(organisation.kind, command.toKind, organisation.memberCount, {
        branch: this.config.BRANCH_MIN_MEMBERS,
        generalBranch: this.config.GENERAL_BRANCH_MIN_MEMBERS,
        committee: this.config.COMMITTEE_MIN_MEMBERS,
      });
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
      return {
        requestId,
        communityId: command.communityId,
        communityName: community.name,
        districtCode: community.districtCode,
        fromKind: organisation.kind,
        toKind: command.toKind,
        memberCount: organisation.memberCount,
        requestedBy: command.actor.userId,
        decisionWorkingDays: this.config.UPGRADE_DECISION_WORKING_DAYS,
        correlationId: RequestContext.current()?.correlationId ?? requestId,
      };
    });

    const workflowId = partyOrganisationUpgradeWorkflowId(requestId);
    try {
      await this.temporal.workflow.start(partyOrganisationUpgradeApprovalWorkflowType, {
        workflowId,
        taskQueue: serviceTaskQueue(this.config, this.identity.name),
        args: [input],
      });
    } catch (error) {
      // The request must not wait for a decision that no workflow will ever collect.
      await this.transactions.run((tx) =>
        this.partyOrganisations.closeRequest(tx, requestId, {
          status: 'not-started',
          decidedBy: null,
          reason: 'approval workflow could not start',
        }),
      );
      throw error;
    }
    return { requestId, workflowId };
  }
}
