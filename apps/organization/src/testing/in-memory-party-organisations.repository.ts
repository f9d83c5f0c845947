import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import type { CommunityPartyOrganisations } from '../communities/domain/community-party-organisations.js';
import type {
  PartyOrganisation,
  UpgradeRequest,
  UpgradeRequestStatus,
} from '../party-organisations/domain/party-organisation.js';
import type { PartyOrganisationsRepository } from '../party-organisations/persistence/party-organisations.repository.js';

/**
 * Party organisations and their upgrade requests over Maps; also communities' `CommunityPartyOrganisations` port,
 * as the real repository is. One request per community awaits a decision at a time, as the partial unique index
 * makes it.
 */
export class InMemoryPartyOrganisationsRepository
  implements PartyOrganisationsRepository, CommunityPartyOrganisations, TransactionParticipant
{
  readonly state = {
    organisations: new Map<string, PartyOrganisation>(),
    requests: new Map<string, UpgradeRequest>(),
  };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  /** Seeds a community's organisation. */
  seed(communityId: string, kind: PartyOrganisationKind, memberCount: number): void {
    this.state.organisations.set(communityId, organisation(communityId, kind, memberCount));
  }

  create(_tx: Transaction, created: Pick<PartyOrganisation, 'communityId' | 'kind' | 'memberCount'>): Promise<void> {
    if (this.state.organisations.has(created.communityId)) {
      throw new Error(`party_organisation ${created.communityId} exists (primary key)`);
    }
    this.state.organisations.set(
      created.communityId,
      organisation(created.communityId, created.kind, created.memberCount),
    );
    return Promise.resolve();
  }

  findForUpdate(tx: Transaction, communityId: string): Promise<PartyOrganisation | null> {
    return this.find(tx, communityId);
  }

  find(_tx: Transaction, communityId: string): Promise<PartyOrganisation | null> {
    const found = this.state.organisations.get(communityId);
    return Promise.resolve(found ? { ...found } : null);
  }

  setMemberCount(_tx: Transaction, communityId: string, memberCount: number): Promise<void> {
    const found = this.state.organisations.get(communityId);
    if (found) found.memberCount = memberCount;
    return Promise.resolve();
  }

  setSecretary(
    _tx: Transaction,
    communityId: string,
    secretary: { workerId: string; name: string; appointedAt: Date },
  ): Promise<void> {
    const found = this.state.organisations.get(communityId);
    if (found) {
      found.secretaryWorkerId = secretary.workerId;
      found.secretaryName = secretary.name;
      found.secretaryAppointedAt = secretary.appointedAt;
    }
    return Promise.resolve();
  }

  hasPendingRequest(_tx: Transaction, communityId: string): Promise<boolean> {
    return Promise.resolve(
      [...this.state.requests.values()].some(
        (request) => request.communityId === communityId && request.status === 'awaiting-decision',
      ),
    );
  }

  changeKind(_tx: Transaction, communityId: string, kind: PartyOrganisationKind): Promise<void> {
    const found = this.state.organisations.get(communityId);
    if (found) found.kind = kind;
    return Promise.resolve();
  }

  async insertRequest(
    tx: Transaction,
    request: Omit<UpgradeRequest, 'decidedBy' | 'decisionReason' | 'decidedAt'>,
  ): Promise<boolean> {
    if (request.status === 'awaiting-decision' && (await this.hasPendingRequest(tx, request.communityId))) {
      return false;
    }
    this.state.requests.set(request.id, { ...request, decidedBy: null, decisionReason: null, decidedAt: null });
    return true;
  }

  findRequest(_tx: Transaction, requestId: string): Promise<UpgradeRequest | null> {
    const found = this.state.requests.get(requestId);
    return Promise.resolve(found ? { ...found } : null);
  }

  findRequestForUpdate(tx: Transaction, requestId: string): Promise<UpgradeRequest | null> {
    return this.findRequest(tx, requestId);
  }

  closeRequest(
    _tx: Transaction,
    requestId: string,
    outcome: { status: UpgradeRequestStatus; decidedBy: string | null; reason: string | null },
  ): Promise<void> {
    const found = this.state.requests.get(requestId);
    if (found) {
      Object.assign(found, {
        status: outcome.status,
        decidedBy: outcome.decidedBy,
        decisionReason: outcome.reason,
        decidedAt: new Date(),
      });
    }
    return Promise.resolve();
  }

  /** The report by kind is a query over the tables, not a rule a handler keeps: not modelled. */
  report(): Promise<never> {
    return Promise.reject(new Error('InMemoryPartyOrganisationsRepository.report is not modelled'));
  }
}

function organisation(communityId: string, kind: PartyOrganisationKind, memberCount: number): PartyOrganisation {
  return {
    communityId,
    kind,
    memberCount,
    secretaryWorkerId: null,
    secretaryName: null,
    secretaryAppointedAt: null,
  };
}
