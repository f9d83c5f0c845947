import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommunityCreated } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { CommunityDirectoryRepository } from './community-directory.repository.js';

/** Keeps the service's community directory in step with organization's CommunityCreated events. */
@Injectable()
export class AddCommunityWhenCommunityCreated implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(CommunityCreated, async (event, tx) => {
      await this.directory.upsert(tx, { ...event.payload, asOf: new Date(event.occurredAt) });
    });
  }
}
