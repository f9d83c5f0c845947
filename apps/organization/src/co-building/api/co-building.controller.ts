import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiPageResponse, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { AddCommitteeMemberCommand } from '../commands/add-committee-member/add-committee-member.command.js';
import { CreateJointCommitteeCommand } from '../commands/create-joint-committee/create-joint-committee.command.js';
import { JoinAllianceCommand } from '../commands/join-alliance/join-alliance.command.js';
import { RecordJointMeetingCommand } from '../commands/record-joint-meeting/record-joint-meeting.command.js';
import { RegisterResidentUnitCommand } from '../commands/register-resident-unit/register-resident-unit.command.js';
import { SignAgreementCommand } from '../commands/sign-agreement/sign-agreement.command.js';
import { CoBuildingReportQuery } from '../queries/co-building-report/co-building-report.query.js';
import { GetJointCommitteeQuery } from '../queries/get-joint-committee/get-joint-committee.query.js';
import { ListAgreementsQuery } from '../queries/list-agreements/list-agreements.query.js';
import { ListJointCommitteesQuery } from '../queries/list-joint-committees/list-joint-committees.query.js';
import { ListJointMeetingsQuery } from '../queries/list-joint-meetings/list-joint-meetings.query.js';
import { ListResidentUnitsQuery } from '../queries/list-resident-units/list-resident-units.query.js';
import { AddCommitteeMemberRequest, CreateJointCommitteeRequest } from './dto/create-joint-committee.request.js';
import { JoinAllianceRequest } from './dto/join-alliance.request.js';
import { RecordJointMeetingRequest } from './dto/record-joint-meeting.request.js';
import { RegisterResidentUnitRequest } from './dto/register-resident-unit.request.js';
import { SignAgreementRequest } from './dto/sign-agreement.request.js';
import { CoBuildingErrors } from '../domain/co-building.errors.js';
import {
  AgreementListQuery,
  CoBuildingReportParams,
  JointCommitteeListQuery,
  ResidentUnitListQuery,
} from './dto/co-building.query.js';
import {
  AgreementResponse,
  AllianceResponse,
  CoBuildingReportResponse,
  CommunityCoBuildingResponse,
  JointCommitteeCreatedResponse,
  JointCommitteeResponse,
  JointMeetingResponse,
  ResidentUnitRegisteredResponse,
  ResidentUnitResponse,
} from './dto/co-building.response.js';

@ApiTags('co-building')
@ApiBearerAuth()
@ApiProblems(
  CoBuildingErrors,
  HierarchyErrors['community.not-found'],
  HierarchyErrors['community.code-unknown'],
  HierarchyErrors['hierarchy.unit-not-found'],
  HierarchyErrors['hierarchy.unit-merged'],
)
@Controller()
export class CoBuildingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('resident-units')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Register a resident unit (驻区单位) located in a community' })
  @ApiCreatedResponse({ type: ResidentUnitRegisteredResponse })
  registerUnit(@Body() body: RegisterResidentUnitRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new RegisterResidentUnitCommand(
        body.code,
        body.name,
        body.kind,
        body.communityCode,
        body.partyMemberCount ?? 0,
        actor,
      ),
    );
  }

  @Get('resident-units')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Resident units of the district, or of one community' })
  @ApiPageResponse(ResidentUnitResponse)
  listUnits(@CurrentPrincipal() actor: Principal, @Query() query: ResidentUnitListQuery) {
    return this.queries.execute(
      new ListResidentUnitsQuery(actor, query.communityId, { offset: query.offset, limit: query.limit }),
    );
  }

  @Put('communities/:communityId/alliance/members')
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'A resident unit joins the community’s party-building alliance (党建联盟)' })
  @ApiOkResponse({ type: AllianceResponse })
  joinAlliance(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: JoinAllianceRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new JoinAllianceCommand(communityId, body.residentUnitCode, body.joinedOn, actor));
  }

  @Post('agreements')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Record a co-building agreement (共驻共建协议); publishes organization.agreement.signed' })
  @ApiCreatedResponse({ type: AgreementResponse })
  sign(@Body() body: SignAgreementRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new SignAgreementCommand(
        body.code,
        body.communityCode,
        body.residentUnitCode,
        body.startsOn,
        body.endsOn,
        body.projects.map((project) => ({
          committedBy: project.committedBy,
          title: project.title,
          description: project.description ?? null,
        })),
        actor,
      ),
    );
  }

  @Get('agreements')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Co-building agreements with their projects' })
  @ApiPageResponse(AgreementResponse)
  listAgreements(@CurrentPrincipal() actor: Principal, @Query() query: AgreementListQuery) {
    return this.queries.execute(
      new ListAgreementsQuery(actor, query.communityId, { offset: query.offset, limit: query.limit }),
    );
  }

  @Post('communities/:communityId/joint-meetings')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Record a joint meeting (联席会议) with attendance and resolutions' })
  @ApiCreatedResponse({ type: JointMeetingResponse })
  recordMeeting(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RecordJointMeetingRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new RecordJointMeetingCommand(
        communityId,
        body.heldOn,
        body.topic,
        body.attendance.map((entry) => ({
          residentUnitCode: entry.residentUnitCode,
          present: entry.present,
          representative: entry.representative ?? null,
        })),
        body.resolutions,
        actor,
      ),
    );
  }

  @Get('communities/:communityId/co-building')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A community’s alliance members and joint meetings' })
  @ApiOkResponse({ type: CommunityCoBuildingResponse })
  communityCoBuilding(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListJointMeetingsQuery(communityId, actor));
  }

  @Post('joint-committees')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Set up a street 联合党工委 or a community 大党委' })
  @ApiCreatedResponse({ type: JointCommitteeCreatedResponse })
  createCommittee(@Body() body: CreateJointCommitteeRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateJointCommitteeCommand(body.kind, body.name, body.unitCode, actor));
  }

  @Get('joint-committees')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The district’s joint committees with their member units' })
  @ApiPageResponse(JointCommitteeResponse)
  listCommittees(@CurrentPrincipal() actor: Principal, @Query() query: JointCommitteeListQuery) {
    return this.queries.execute(
      new ListJointCommitteesQuery(actor, query.unitCode, { offset: query.offset, limit: query.limit }),
    );
  }

  @Get('joint-committees/:committeeId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A joint committee with its member units' })
  @ApiOkResponse({ type: JointCommitteeResponse })
  getCommittee(@Param('committeeId', ParseUUIDPipe) committeeId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetJointCommitteeQuery(committeeId, actor));
  }

  @Put('joint-committees/:committeeId/members')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Seat a resident unit on a joint committee' })
  @ApiOkResponse({ type: JointCommitteeResponse })
  addMember(
    @Param('committeeId', ParseUUIDPipe) committeeId: string,
    @Body() body: AddCommitteeMemberRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new AddCommitteeMemberCommand(committeeId, body.residentUnitCode, body.position, actor),
    );
  }

  @Get('reports/co-building')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.CommunitySecretary, Roles.HrOfficer)
  @ApiOperation({
    summary: '共驻共建 report: units, alliance members, agreements, projects and meetings per community',
  })
  @ApiOkResponse({ type: CoBuildingReportResponse })
  report(@CurrentPrincipal() actor: Principal, @Query() query: CoBuildingReportParams) {
    const day = query.asOf ?? new Date().toISOString().slice(0, 10);
    const year = day.slice(0, 4);
    return this.queries.execute(
      new CoBuildingReportQuery(actor, {
        ...(query.streetCode ? { streetCode: query.streetCode } : {}),
        asOf: day,
        from: query.from ?? `${year}-01-01`,
        to: query.to ?? `${year}-12-31`,
      }),
    );
  }
}
