import {
  ApprovalAuditRepository,
  ApprovalInboxRepository,
  createApprovalProjectionActivities,
} from '@jianfu/approvals';
import { createNestBackedWorker, EventPublisher, type NestBackedWorker, TransactionRunner } from '@jianfu/platform';
import { OrganizationModule } from './app.module.js';
import type { OrganizationConfig } from './config.js';
import { PartyOrganisationsRepository } from './party-organisations/persistence/party-organisations.repository.js';
import { createPartyOrganisationUpgradeActivities } from './party-organisations/workflows/party-organisation-upgrade.activities.js';

/** The organization service's Temporal worker: the party organisation upgrade approval, on the approval kit. */
export function createOrganizationWorker(
  config: OrganizationConfig,
  workflowBundle: { code: string } | { codePath: string },
): Promise<NestBackedWorker> {
  return createNestBackedWorker({
    module: OrganizationModule.forWorker(config),
    config,
    workflowBundle,
    activities: (context) => {
      const transactions = context.get(TransactionRunner);
      const events = context.get(EventPublisher);
      return {
        ...createPartyOrganisationUpgradeActivities({
          transactions,
          partyOrganisations: context.get(PartyOrganisationsRepository),
          events,
        }),
        // Repositories without state: the worker needs no Nest module for them.
        ...createApprovalProjectionActivities({
          transactions,
          inbox: new ApprovalInboxRepository(),
          audit: new ApprovalAuditRepository(),
          events: { publisher: events, service: 'organization' },
        }),
      };
    },
  });
}
