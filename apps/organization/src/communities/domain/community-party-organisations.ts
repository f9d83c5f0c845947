import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';

/**
 * What a change to the hierarchy does to the communities' party organisations, in the same transaction: a new
 * community gets its 支部, a merge adds the members to the survivor's, a split moves members to the new ones. The
 * party-organisations context keeps those records and depends on communities, so communities asks through this port
 * and party-organisations provides it (party-organisations/community-party-organisations.module.ts): the dependency
 * stays one way.
 */
export abstract class CommunityPartyOrganisations {
  abstract create(
    tx: Transaction,
    organisation: { communityId: string; kind: PartyOrganisationKind; memberCount: number },
  ): Promise<void>;

  /** Locks the community's organisation for the change; null when it has none. */
  abstract findForUpdate(tx: Transaction, communityId: string): Promise<{ memberCount: number } | null>;

  abstract setMemberCount(tx: Transaction, communityId: string, memberCount: number): Promise<void>;

  /** Whether an upgrade of the community's organisation awaits decision (a merge must wait for it). */
  abstract hasPendingRequest(tx: Transaction, communityId: string): Promise<boolean>;
}
