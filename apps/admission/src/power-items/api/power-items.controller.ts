import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { VersionProposalErrors } from '../../version-proposals/domain/version-proposal.errors.js';
import {
  DecideVersionProposalRequest,
  VersionProposalDecisionResponse,
  toVersionProposalResponse,
} from '../../version-proposals/api/dto/version-proposal.dto.js';
import { DecidePowerItemsProposalCommand } from '../commands/decide-power-items-proposal/decide-power-items-proposal.command.js';
import { ProposePowerItemsVersionCommand } from '../commands/propose-power-items-version/propose-power-items-version.command.js';
import { PowerItemErrors } from '../domain/power-item.errors.js';
import { GetPowerItemsProposalQuery } from '../queries/get-power-items-proposal/get-power-items-proposal.query.js';
import { GetPowerItemsVersionQuery } from '../queries/get-power-items-version/get-power-items-version.query.js';
import {
  PowerItemProposalResponse,
  PowerItemVersionItemsResponse,
  PublishPowerItemsRequest,
  toPowerItemProposalResponse,
} from './dto/power-items.dto.js';

@ApiTags('power items')
@ApiBearerAuth()
@Controller('departments/:departmentId/power-items')
export class PowerItemsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('proposals')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Propose the next version of a department’s power-item register (权力清单): every item kept, cancelled or ' +
      'devolved, with the decision document; published when a second reviewer approves it',
  })
  @ApiCreatedResponse({ type: PowerItemProposalResponse })
  @ApiProblems(PowerItemErrors['department.not-found'], VersionProposalErrors['version-proposal.pending'])
  propose(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Body() body: PublishPowerItemsRequest,
  ): Promise<PowerItemProposalResponse> {
    return this.commands
      .execute(
        new ProposePowerItemsVersionCommand(
          actor,
          departmentId,
          body.items.map((item) => ({
            code: item.code,
            name: item.name.trim(),
            status: item.status,
            decisionDocument: item.decisionDocument?.trim() || null,
          })),
          body.note ?? null,
        ),
      )
      .then(toPowerItemProposalResponse);
  }

  @Get('proposals/:proposalId')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader)
  @ApiOperation({ summary: 'One proposed register version with its items, for the second reviewer to check' })
  @ApiOkResponse({ type: PowerItemProposalResponse })
  @ApiProblems(VersionProposalErrors['version-proposal.not-found'])
  async proposal(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
  ): Promise<PowerItemProposalResponse> {
    return toPowerItemProposalResponse(
      await this.queries.execute(new GetPowerItemsProposalQuery(actor, departmentId, proposalId)),
    );
  }

  @Post('proposals/:proposalId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Approve (publish as the next version) or reject a proposed register version: a second reviewer, never the ' +
      'proposer',
  })
  @ApiOkResponse({ type: VersionProposalDecisionResponse })
  @ApiProblems(
    VersionProposalErrors['version-proposal.not-found'],
    VersionProposalErrors['version-proposal.self-approval'],
    VersionProposalErrors['version-proposal.already-decided'],
  )
  async decide(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: DecideVersionProposalRequest,
  ): Promise<VersionProposalDecisionResponse> {
    const decided = await this.commands.execute(
      new DecidePowerItemsProposalCommand(actor, departmentId, proposalId, body),
    );
    return { duplicate: decided.duplicate, proposal: toVersionProposalResponse(decided.proposal) };
  }

  @Get('versions/:version')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'One version of a department’s power-item register (`current` for the newest)' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiOkResponse({ type: PowerItemVersionItemsResponse })
  @ApiProblems(PowerItemErrors['power-item-version.not-found'])
  version(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('version') versionParam: string,
  ): Promise<PowerItemVersionItemsResponse> {
    return this.queries.execute(new GetPowerItemsVersionQuery(actor, departmentId, versionParam));
  }
}
