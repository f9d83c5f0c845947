import { Module } from '@nestjs/common';
import { AddCommunityWhenCommunityCreated } from './add-community-when-community-created.handler.js';
import { CommunityDirectoryController } from './community-directory.controller.js';
import { CommunityDirectoryRepository } from './community-directory.repository.js';
import { MarkCommunityMergedWhenCommunityMerged } from './mark-community-merged-when-community-merged.handler.js';
import { UpdateCommunityWhenCommunityChanged } from './update-community-when-community-changed.handler.js';

/**
 * The organization read model that admission, finance and personnel each keep in their own schema:
 * which communities exist, under which street and district. Fed only by organization events.
 */
@Module({
  controllers: [CommunityDirectoryController],
  providers: [
    CommunityDirectoryRepository,
    AddCommunityWhenCommunityCreated,
    UpdateCommunityWhenCommunityChanged,
    MarkCommunityMergedWhenCommunityMerged,
  ],
  exports: [CommunityDirectoryRepository],
})
export class CommunityDirectoryModule {}
