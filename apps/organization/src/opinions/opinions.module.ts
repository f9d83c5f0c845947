import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunitiesModule } from '../communities/communities.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { OpinionsController } from './api/opinions.controller.js';
import { ActOnOpinionRequestHandler } from './commands/act-on-opinion-request/act-on-opinion-request.handler.js';
import { AnswerOpinionRequestHandler } from './commands/answer-opinion-request/answer-opinion-request.handler.js';
import { CloseOpinionRequestHandler } from './commands/close-opinion-request/close-opinion-request.handler.js';
import { LinkMemberHandler } from './commands/link-member/link-member.handler.js';
import { RecordResidentObjectionHandler } from './commands/record-resident-objection/record-resident-objection.handler.js';
import { RequestOpinionsHandler } from './commands/request-opinions/request-opinions.handler.js';
import { OpinionRequestAccess } from './opinion-request-access.js';
import { OpinionsPersistenceModule } from './persistence/opinions-persistence.module.js';
import { GetOpinionRequestHandler } from './queries/get-opinion-request/get-opinion-request.handler.js';
import { OpinionRequestPresenter } from './queries/get-opinion-request/opinion-request.presenter.js';
import { ListOpinionRequestsHandler } from './queries/list-opinion-requests/list-opinion-requests.handler.js';
import { ListLinkedMembersHandler } from './queries/list-linked-members/list-linked-members.handler.js';

/** 进社区双公示 and 征求意见: linked communities of agency party members, and opinion requests to communities. */
@Module({
  imports: [ApprovalActionsModule, CommunitiesModule, DepartmentsModule, OpinionsPersistenceModule],
  controllers: [OpinionsController],
  providers: [
    OpinionRequestAccess,
    OpinionRequestPresenter,
    LinkMemberHandler,
    ListLinkedMembersHandler,
    RequestOpinionsHandler,
    AnswerOpinionRequestHandler,
    RecordResidentObjectionHandler,
    CloseOpinionRequestHandler,
    ActOnOpinionRequestHandler,
    GetOpinionRequestHandler,
    ListOpinionRequestsHandler,
  ],
})
export class OpinionsModule {}
