import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CommunityPlacement, CommunityMoved, CommunityRenamed, type EventDefinition } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { CommunityDirectoryRepository } from './community-directory.repository.js';

/**
 * Applies organization's renames and moves. Both events carry the community's whole placement, so an
 * upsert keeps the directory right even when it never saw the creation, and `as_of` lets a late
 * older event lose against a newer one.
 */
@Injectable()
export class UpdateCommunityWhenCommunityChanged implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  onModuleInit(): void {
    const placementEvents: EventDefinition<CommunityPlacement>[] = [CommunityRenamed, CommunityMoved];
    for (const definition of placementEvents) {
      this.consumer.on(definition, async (event, tx) => {
        const { communityId, code, name, streetCode, districtCode } = event.payload;
        await this.directory.upsert(tx, {
          communityId,
          code,
          name,
          streetCode,
          districtCode,
          asOf: new Date(event.occurredAt),
        });
      });
    }
  }
}
