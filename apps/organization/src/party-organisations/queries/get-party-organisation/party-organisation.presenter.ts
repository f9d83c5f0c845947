import { Injectable } from '@nestjs/common';
import { OrganizationConfig } from '../../../config.js';
import {
  kindJustifiedBy,
  partyOrganisationKindLabels,
  partyOrganisationKinds,
} from '../../domain/party-organisation-kind.js';
import type { PartyOrganisationView } from '../../domain/party-organisation-view.js';
import type { PartyOrganisationEntity } from '../../persistence/party-organisation.entity.js';

/** Shows a party organisation with what its membership justifies under the configured thresholds. */
@Injectable()
export class PartyOrganisationPresenter {
  constructor(private readonly config: OrganizationConfig) {}

  present(organisation: Omit<PartyOrganisationEntity, 'updatedAt'>): PartyOrganisationView {
    const justifiedKind = kindJustifiedBy(organisation.memberCount, {
      branch: this.config.BRANCH_MIN_MEMBERS,
      generalBranch: this.config.GENERAL_BRANCH_MIN_MEMBERS,
      committee: this.config.COMMITTEE_MIN_MEMBERS,
    });
    return {
      communityId: organisation.communityId,
      kind: organisation.kind,
      kindLabel: partyOrganisationKindLabels[organisation.kind],
      memberCount: organisation.memberCount,
      justifiedKind,
      upgradeJustified:
        justifiedKind !== null &&
        partyOrganisationKinds.indexOf(justifiedKind) > partyOrganisationKinds.indexOf(organisation.kind),
      secretary:
        organisation.secretaryWorkerId && organisation.secretaryName && organisation.secretaryAppointedAt
          ? {
              workerId: organisation.secretaryWorkerId,
              name: organisation.secretaryName,
              appointedAt: organisation.secretaryAppointedAt.toISOString(),
            }
          : null,
    };
  }
}
