import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function optionalUuid(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !uuidPattern.test(value)) {
    throw new DomainError('request.query', `${field} must be a uuid`, 400, { field });
  }
  return value;
}

function optionalDate(value: string | undefined, field: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!datePattern.test(value) || Number.isNaN(Date.parse(value))) {
    throw new DomainError('request.query', `${field} must be a date as YYYY-MM-DD`, 400, { field });
  }
  return value;
}

@ApiTags('co-building')
@ApiBearerAuth()
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
  @ApiCreatedResponse({ schema: { example: { residentUnitId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d' } } })
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
  @ApiQuery({ name: 'communityId', required: false })
  @ApiOperation({ summary: 'Resident units of the district, or of one community' })
  listUnits(@CurrentPrincipal() actor: Principal, @Query('communityId') communityId?: string) {
    return this.queries.execute(new ListResidentUnitsQuery(actor, optionalUuid(communityId, 'communityId')));
  }

  @Put('communities/:communityId/alliance/members')
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'A resident unit joins the community’s party-building alliance (党建联盟)' })
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
  @ApiQuery({ name: 'communityId', required: false })
  @ApiOperation({ summary: 'Co-building agreements with their projects' })
  listAgreements(@CurrentPrincipal() actor: Principal, @Query('communityId') communityId?: string) {
    return this.queries.execute(new ListAgreementsQuery(actor, optionalUuid(communityId, 'communityId')));
  }

  @Post('communities/:communityId/joint-meetings')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Record a joint meeting (联席会议) with attendance and resolutions' })
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
  communityCoBuilding(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListJointMeetingsQuery(communityId, actor));
  }

  @Post('joint-committees')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Set up a street 联合党工委 or a community 大党委' })
  @ApiCreatedResponse({ schema: { example: { committeeId: '7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d' } } })
  createCommittee(@Body() body: CreateJointCommitteeRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateJointCommitteeCommand(body.kind, body.name, body.unitCode, actor));
  }

  @Get('joint-committees')
  @AllowRoles(...Object.values(Roles))
  @ApiQuery({ name: 'unitCode', required: false, description: 'Only the committee of this street or community' })
  @ApiOperation({ summary: 'The district’s joint committees with their member units' })
  listCommittees(@CurrentPrincipal() actor: Principal, @Query('unitCode') unitCode?: string) {
    if (unitCode !== undefined && !/^[0-9A-Za-z-]{1,32}$/.test(unitCode)) {
      throw new DomainError('request.query', 'unitCode must be 1-32 letters, digits or dashes', 400, {
        field: 'unitCode',
      });
    }
    return this.queries.execute(new ListJointCommitteesQuery(actor, unitCode));
  }

  @Get('joint-committees/:committeeId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A joint committee with its member units' })
  getCommittee(@Param('committeeId', ParseUUIDPipe) committeeId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetJointCommitteeQuery(committeeId, actor));
  }

  @Put('joint-committees/:committeeId/members')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Seat a resident unit on a joint committee' })
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
  @ApiQuery({ name: 'streetCode', required: false })
  @ApiQuery({ name: 'asOf', required: false, example: '2026-11-21', description: 'Agreements in force on this day' })
  @ApiQuery({ name: 'from', required: false, example: '2026-01-01', description: 'Meetings held from this day' })
  @ApiQuery({ name: 'to', required: false, example: '2026-12-31', description: 'Meetings held until this day' })
  @ApiOperation({
    summary: '共驻共建 report: units, alliance members, agreements, projects and meetings per community',
  })
  report(
    @CurrentPrincipal() actor: Principal,
    @Query('streetCode') streetCode?: string,
    @Query('asOf') asOf?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    const day = optionalDate(asOf, 'asOf', new Date().toISOString().slice(0, 10));
    const year = day.slice(0, 4);
    return this.queries.execute(
      new CoBuildingReportQuery(actor, {
        ...(streetCode ? { streetCode } : {}),
        asOf: day,
        from: optionalDate(from, 'from', `${year}-01-01`),
        to: optionalDate(to, 'to', `${year}-12-31`),
      }),
    );
  }
}
