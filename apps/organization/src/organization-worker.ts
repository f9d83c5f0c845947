import { approvalProjectionActivitiesIn } from '@jianfu/approvals';
import { nestBackedWorkerFactory, type WorkerActivityDependencies } from '@jianfu/platform';
import { OrganizationModule } from './app.module.js';
import type { OrganizationConfig } from './config.js';
import { PartyOrganisationsRepository } from './party-organisations/persistence/party-organisations.repository.js';
import { OpinionsRepository } from './opinions/persistence/opinions.repository.js';
import { createOpinionRequestActivities } from './opinions/workflows/opinion-request.activities.js';
import { createPartyOrganisationUpgradeActivities } from './party-organisations/workflows/party-organisation-upgrade.activities.js';

/** Every activity of the organization worker: the party organisation upgrade approval and the opinion requests' publicity windows, on the approval kit. */
function organizationActivities({ context, transactions, events }: WorkerActivityDependencies<OrganizationConfig>) {
  return {
    ...createPartyOrganisationUpgradeActivities({
      transactions,
      partyOrganisations: context.get(PartyOrganisationsRepository),
      events,
    }),
    ...createOpinionRequestActivities({ transactions, opinions: context.get(OpinionsRepository) }),
    ...approvalProjectionActivitiesIn(context, 'organization'),
  };
}

/** The organization service's Temporal worker. */
export const createOrganizationWorker = nestBackedWorkerFactory({
  workerModule: (config: OrganizationConfig) => OrganizationModule.forWorker(config),
  activities: organizationActivities,
});
