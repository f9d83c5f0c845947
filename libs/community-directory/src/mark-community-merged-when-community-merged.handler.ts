import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommunityMerged } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { CommunityDirectoryRepository } from './community-directory.repository.js';

/**
 * A community merged away (撤并) stays in the directory for history read by id, but is no longer
 * listed nor offered as a target; `as_of` keeps a late older event from bringing it back.
 */
@Injectable()
export class MarkCommunityMergedWhenCommunityMerged implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(CommunityMerged, async (event, tx) => {
      const { communityId, code, districtCode, intoCommunityId } = event.payload;
      await this.directory.markMerged(tx, {
        communityId,
        code,
        districtCode,
        intoCommunityId,
        asOf: new Date(event.occurredAt),
      });
    });
  }
}
