import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunitiesModule } from '../communities/communities.module.js';
import { RecruitmentController } from './api/recruitment.controller.js';
import { ActOnHireHandler } from './commands/act-on-hire/act-on-hire.handler.js';
import { AddApplicationHandler } from './commands/add-application/add-application.handler.js';
import { AdvanceRecruitmentHandler } from './commands/advance-recruitment/advance-recruitment.handler.js';
import { OpenPostingHandler } from './commands/open-posting/open-posting.handler.js';
import { RecordInspectionsHandler } from './commands/record-inspections/record-inspections.handler.js';
import { RecordScoresHandler } from './commands/record-scores/record-scores.handler.js';
import { RecruitmentPersistenceModule } from './persistence/recruitment-persistence.module.js';
import { PostingAccess } from './posting-access.js';
import { GetPostingHandler } from './queries/get-posting/get-posting.handler.js';
import { ListPostingsHandler } from './queries/list-postings/list-postings.handler.js';

@Module({
  imports: [ApprovalActionsModule, CommunitiesModule, RecruitmentPersistenceModule],
  controllers: [RecruitmentController],
  providers: [
    PostingAccess,
    OpenPostingHandler,
    AddApplicationHandler,
    RecordScoresHandler,
    RecordInspectionsHandler,
    AdvanceRecruitmentHandler,
    ActOnHireHandler,
    GetPostingHandler,
    ListPostingsHandler,
  ],
})
export class RecruitmentModule {}
