import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { MeetingsController } from './api/meetings.controller.js';
import { MeetingSummonsService } from './meeting-summons.service.js';
import { MeetingSummonsRepository } from './persistence/meeting-summons.repository.js';

@Module({ providers: [MeetingSummonsRepository], exports: [MeetingSummonsRepository] })
export class MeetingsPersistenceModule {}

/** 精简社区会议: meeting summonses within the monthly allowance, or reviewed over it. */
@Module({
  imports: [MeetingsPersistenceModule, CommunityDirectoryModule],
  controllers: [MeetingsController],
  providers: [MeetingSummonsService],
})
export class MeetingsModule {}
