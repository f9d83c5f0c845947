import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { PublishSealMattersCommand } from '../commands/publish-seal-matters/publish-seal-matters.command.js';
import { RequestSealCommand } from '../commands/request-seal/request-seal.command.js';
import { SealErrors } from '../domain/seal.errors.js';
import { GetSealMatterVersionQuery } from '../queries/get-seal-matter-version/get-seal-matter-version.query.js';
import { PublishSealMattersRequest, RequestSealRequest } from './dto/seal.request.js';
import {
  SealMatterVersionItemsResponse,
  SealMatterVersionResponse,
  SealRequestAcceptedResponse,
} from './dto/seal.response.js';

@ApiTags('seals')
@ApiBearerAuth()
@Controller()
export class SealsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('seal-matters/versions')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Publish a new version of the district’s list of matters a community may certify (盖章证明事项清单); old ' +
      'versions stay',
  })
  @ApiCreatedResponse({ type: SealMatterVersionResponse })
  publish(
    @CurrentPrincipal() actor: Principal,
    @Body() body: PublishSealMattersRequest,
  ): Promise<SealMatterVersionResponse> {
    return this.commands.execute(
      new PublishSealMattersCommand(
        actor,
        body.items.map((item) => ({ code: item.code, name: item.name.trim(), basis: item.basis.trim() })),
        body.note ?? null,
      ),
    );
  }

  @Get('seal-matters/versions/:version')
  @AllowRoles(
    Roles.AdmissionReviewer,
    Roles.AdmissionCommittee,
    Roles.DepartmentSubmitter,
    Roles.CommunitySecretary,
    Roles.DistrictLeader,
  )
  @ApiOperation({ summary: 'One version of the 盖章证明事项清单 with its matters (`current` for the newest)' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiOkResponse({ type: SealMatterVersionItemsResponse })
  @ApiProblems(SealErrors['seal-matter-version.not-found'])
  version(
    @CurrentPrincipal() actor: Principal,
    @Param('version') version: string,
  ): Promise<SealMatterVersionItemsResponse> {
    return this.queries.execute(new GetSealMatterVersionQuery(actor, version));
  }

  @Post('seal-requests')
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department asks a community to certify a matter (盖章证明). Accepted only for a matter on the current ' +
      '盖章证明事项清单; otherwise refused (422 seal.matter-not-listed) and recorded as a violation (违规摊派)',
  })
  @ApiCreatedResponse({ type: SealRequestAcceptedResponse })
  @ApiProblems(SealErrors['seal.matter-not-listed'], SealErrors['community.not-found'])
  request(
    @CurrentPrincipal() actor: Principal,
    @Body() body: RequestSealRequest,
  ): Promise<SealRequestAcceptedResponse> {
    return this.commands.execute(
      new RequestSealCommand(actor, {
        communityId: body.communityId,
        matterCode: body.matterCode,
        requestedFor: body.requestedFor.trim(),
        documentSha256: body.documentSha256,
      }),
    );
  }
}
