import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { MeetingsController } from './api/meetings.controller.js';
import { ActOnMeetingSummonsHandler } from './commands/act-on-meeting-summons/act-on-meeting-summons.handler.js';
import { SummonMeetingHandler } from './commands/summon-meeting/summon-meeting.handler.js';
import { MeetingSummonsRepository } from './persistence/meeting-summons.repository.js';
import { GetMeetingSummonsHandler } from './queries/get-meeting-summons/get-meeting-summons.handler.js';
import { ListCommunityMeetingsHandler } from './queries/list-community-meetings/list-community-meetings.handler.js';

@Module({ providers: [MeetingSummonsRepository], exports: [MeetingSummonsRepository] })
export class MeetingsPersistenceModule {}

/** 精简社区会议: meeting summonses within the monthly allowance, or reviewed over it. */
@Module({
  imports: [ApprovalActionsModule, MeetingsPersistenceModule, CommunityDirectoryModule],
  controllers: [MeetingsController],
  providers: [SummonMeetingHandler, GetMeetingSummonsHandler, ActOnMeetingSummonsHandler, ListCommunityMeetingsHandler],
})
export class MeetingsModule {}
