import { Injectable } from '@nestjs/common';
import { chinaDateOf, PolicyBook, type Transaction } from '@jianfu/platform';
import {
  type PartyOrganisationPolicy,
  thresholdsOf,
  partyOrganisationPolicyKind,
} from '../../domain/party-organisation-policy.js';
import {
  kindJustifiedBy,
  partyOrganisationKindLabels,
  partyOrganisationKinds,
} from '../../domain/party-organisation-kind.js';
import type { PartyOrganisationView } from '../../domain/party-organisation-view.js';
import type { PartyOrganisation } from '../../domain/party-organisation.js';

/** Shows a party organisation with what its membership justifies under the district's thresholds in force. */
@Injectable()
export class PartyOrganisationPresenter {
  constructor(private readonly policies: PolicyBook) {}

  async present(
    tx: Transaction,
    districtCode: string,
    organisation: PartyOrganisation,
  ): Promise<PartyOrganisationView> {
    const policy = await this.policies.effective<PartyOrganisationPolicy>(
      tx,
      districtCode,
      partyOrganisationPolicyKind,
      chinaDateOf(new Date()),
    );
    const justifiedKind = kindJustifiedBy(organisation.memberCount, thresholdsOf(policy.document));
    return {
      communityId: organisation.communityId,
      kind: organisation.kind,
      kindLabel: partyOrganisationKindLabels[organisation.kind],
      memberCount: organisation.memberCount,
      justifiedKind,
      policyVersion: policy.version,
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
