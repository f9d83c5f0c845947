import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { CoBuildingController } from './api/co-building.controller.js';
import { AddCommitteeMemberHandler } from './commands/add-committee-member/add-committee-member.handler.js';
import { CreateJointCommitteeHandler } from './commands/create-joint-committee/create-joint-committee.handler.js';
import { JoinAllianceHandler } from './commands/join-alliance/join-alliance.handler.js';
import { RecordJointMeetingHandler } from './commands/record-joint-meeting/record-joint-meeting.handler.js';
import { RegisterResidentUnitHandler } from './commands/register-resident-unit/register-resident-unit.handler.js';
import { SignAgreementHandler } from './commands/sign-agreement/sign-agreement.handler.js';
import { CoBuildingRepository } from './persistence/co-building.repository.js';
import { CoBuildingReportHandler } from './queries/co-building-report/co-building-report.handler.js';
import { GetJointCommitteeHandler } from './queries/get-joint-committee/get-joint-committee.handler.js';
import { ListAgreementsHandler } from './queries/list-agreements/list-agreements.handler.js';
import { ListJointCommitteesHandler } from './queries/list-joint-committees/list-joint-committees.handler.js';
import { ListJointMeetingsHandler } from './queries/list-joint-meetings/list-joint-meetings.handler.js';
import { ListResidentUnitsHandler } from './queries/list-resident-units/list-resident-units.handler.js';

/** 共驻共建: resident units, alliances, joint committees, agreements and joint meetings. */
@Module({
  imports: [CommunitiesModule],
  controllers: [CoBuildingController],
  providers: [
    CoBuildingRepository,
    RegisterResidentUnitHandler,
    JoinAllianceHandler,
    SignAgreementHandler,
    RecordJointMeetingHandler,
    CreateJointCommitteeHandler,
    AddCommitteeMemberHandler,
    ListResidentUnitsHandler,
    ListAgreementsHandler,
    ListJointMeetingsHandler,
    GetJointCommitteeHandler,
    ListJointCommitteesHandler,
    CoBuildingReportHandler,
  ],
})
export class CoBuildingModule {}
