import { Injectable } from '@nestjs/common';
import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import {
  type CommunityPartyOrganisation,
  describePartyOrganisation,
  partyOrganisationKinds,
} from '../domain/party-organisation-kind.js';

/** Personnel's copy of each community's party organisation kind (organization owns it). */
@Injectable()
export class CommunityPartyOrganisationsRepository {
  /**
   * Keeps the highest kind announced: an upgrade only goes up, so a redelivered, re-announced or late older
   * upgrade leaves the row as it is.
   */
  async recordUpgrade(
    tx: Transaction,
    upgrade: {
      communityId: string;
      kind: PartyOrganisationKind;
      memberCount: number;
      requestId: string;
      approvedBy: string;
      upgradedAt: string;
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO community_party_organisation (community_id, kind, member_count, request_id, approved_by, upgraded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (community_id) DO UPDATE SET
         kind = EXCLUDED.kind, member_count = EXCLUDED.member_count, request_id = EXCLUDED.request_id,
         approved_by = EXCLUDED.approved_by, upgraded_at = EXCLUDED.upgraded_at
       WHERE array_position($7::text[], EXCLUDED.kind) > array_position($7::text[], community_party_organisation.kind)`,
      [
        upgrade.communityId,
        upgrade.kind,
        upgrade.memberCount,
        upgrade.requestId,
        upgrade.approvedBy,
        upgrade.upgradedAt,
        partyOrganisationKinds,
      ],
    );
  }

  /** The community's organisation; the 支部 it was created with until an upgrade is announced. */
  async of(tx: Transaction, communityId: string): Promise<CommunityPartyOrganisation> {
    const rows: { kind: PartyOrganisationKind; upgradedAt: Date }[] = await queryRows(
      tx,
      `SELECT kind, upgraded_at AS "upgradedAt" FROM community_party_organisation WHERE community_id = $1`,
      [communityId],
    );
    const row = rows[0];
    return row
      ? describePartyOrganisation(row.kind, row.upgradedAt.toISOString())
      : describePartyOrganisation('branch', null);
  }
}
