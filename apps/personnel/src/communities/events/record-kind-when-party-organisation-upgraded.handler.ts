import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PartyOrganisationUpgraded } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { CommunityPartyOrganisationsRepository } from '../persistence/community-party-organisations.repository.js';

/**
 * An approved upgrade (支部 → 总支 → 党委) changes what the community secretary's post is called
 * (总支书记, 党委书记); personnel records the kind so worker records and careers show it.
 */
@Injectable()
export class RecordKindWhenPartyOrganisationUpgraded implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly partyOrganisations: CommunityPartyOrganisationsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(PartyOrganisationUpgraded, async (event, tx) => {
      const { communityId, toKind, memberCount, requestId, approvedBy } = event.payload;
      await this.partyOrganisations.recordUpgrade(tx, {
        communityId,
        kind: toKind,
        memberCount,
        requestId,
        approvedBy,
        upgradedAt: event.occurredAt,
      });
    });
  }
}
