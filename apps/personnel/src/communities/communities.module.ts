import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { CommunityAccess } from './community-access.js';

@Module({
  imports: [CommunityDirectoryModule],
  providers: [CommunityAccess],
  exports: [CommunityAccess],
})
export class CommunitiesModule {}
