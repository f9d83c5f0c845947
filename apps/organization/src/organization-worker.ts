import { createNestBackedWorker, EventPublisher, type NestBackedWorker, TransactionRunner } from '@jianfu/platform';
import { OrganizationModule } from './app.module.js';
import type { OrganizationConfig } from './config.js';
import { PartyOrganisationsRepository } from './party-organisations/persistence/party-organisations.repository.js';
import { createPartyOrganisationUpgradeActivities } from './party-organisations/workflows/party-organisation-upgrade.activities.js';

/** The organization service's Temporal worker: the party organisation upgrade approval. */
export function createOrganizationWorker(
  config: OrganizationConfig,
  workflowBundle: { code: string } | { codePath: string },
): Promise<NestBackedWorker> {
  return createNestBackedWorker({
    module: OrganizationModule.forWorker(config),
    config,
    workflowBundle,
    activities: (context) =>
      createPartyOrganisationUpgradeActivities({
        transactions: context.get(TransactionRunner),
        partyOrganisations: context.get(PartyOrganisationsRepository),
        events: context.get(EventPublisher),
      }),
  });
}
