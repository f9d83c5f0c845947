import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  type Page,
  PageQuery,
  type Principal,
  Roles,
  toPage,
} from '@jianfu/platform';
import { VersionProposalErrors } from '../../version-proposals/domain/version-proposal.errors.js';
import {
  DecideVersionProposalRequest,
  ListVersionProposalsQuery,
  VersionProposalDecisionResponse,
  VersionProposalResponse,
  toVersionProposalResponse,
} from '../../version-proposals/api/dto/version-proposal.dto.js';
import { DecideCatalogueProposalCommand } from '../commands/decide-catalogue-proposal/decide-catalogue-proposal.command.js';
import { ImportCatalogueVersionCommand } from '../commands/import-catalogue-version/import-catalogue-version.command.js';
import { ProposeCatalogueVersionCommand } from '../commands/propose-catalogue-version/propose-catalogue-version.command.js';
import { CatalogueErrors } from '../domain/catalogue.errors.js';
import { catalogueToCsv } from '../domain/catalogue-item.js';
import { GetCatalogueProposalQuery } from '../queries/get-catalogue-proposal/get-catalogue-proposal.query.js';
import { GetCatalogueVersionQuery } from '../queries/get-catalogue-version/get-catalogue-version.query.js';
import { ListCatalogueProposalsQuery } from '../queries/list-catalogue-proposals/list-catalogue-proposals.query.js';
import { ListCatalogueVersionsQuery } from '../queries/list-catalogue-versions/list-catalogue-versions.query.js';
import { CatalogueExportQuery } from './dto/catalogue.query.js';
import {
  CatalogueProposalResponse,
  CatalogueVersionItemsResponse,
  CatalogueVersionResponse,
  toCatalogueProposalResponse,
} from './dto/catalogue.response.js';
import { ImportCatalogueRequest, PublishCatalogueRequest } from './dto/publish-catalogue.request.js';

@ApiTags('admission catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('proposals')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Propose the next version of the district’s admission catalogue (准入清单); it is published when a second ' +
      'reviewer approves it',
  })
  @ApiCreatedResponse({ type: CatalogueProposalResponse })
  @ApiProblems(VersionProposalErrors['version-proposal.pending'])
  propose(
    @CurrentPrincipal() actor: Principal,
    @Body() body: PublishCatalogueRequest,
  ): Promise<CatalogueProposalResponse> {
    return this.commands
      .execute(new ProposeCatalogueVersionCommand(actor, body.items, body.note ?? null))
      .then(toCatalogueProposalResponse);
  }

  @Post('proposals/import')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Propose the next version from a CSV or JSON file’s content' })
  @ApiCreatedResponse({ type: CatalogueProposalResponse })
  @ApiProblems(VersionProposalErrors['version-proposal.pending'])
  import(
    @CurrentPrincipal() actor: Principal,
    @Body() body: ImportCatalogueRequest,
  ): Promise<CatalogueProposalResponse> {
    return this.commands
      .execute(new ImportCatalogueVersionCommand(actor, body.format, body.content, body.note ?? null))
      .then(toCatalogueProposalResponse);
  }

  @Get('proposals')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The district’s proposed catalogue versions, newest first (without their items)' })
  @ApiPageResponse(VersionProposalResponse)
  async proposalList(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListVersionProposalsQuery,
  ): Promise<Page<VersionProposalResponse>> {
    const page = await this.queries.execute(
      new ListCatalogueProposalsQuery(actor, {
        ...(query.status ? { status: query.status } : {}),
        offset: query.offset,
        limit: query.limit,
      }),
    );
    return toPage(page.items.map(toVersionProposalResponse), page.total, query);
  }

  @Get('proposals/:proposalId')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader)
  @ApiOperation({ summary: 'One proposed catalogue version with its items, for the second reviewer to check' })
  @ApiOkResponse({ type: CatalogueProposalResponse })
  @ApiProblems(VersionProposalErrors['version-proposal.not-found'])
  async proposal(
    @CurrentPrincipal() actor: Principal,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
  ): Promise<CatalogueProposalResponse> {
    return toCatalogueProposalResponse(await this.queries.execute(new GetCatalogueProposalQuery(actor, proposalId)));
  }

  @Post('proposals/:proposalId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Approve (publish as the next version) or reject a proposed catalogue version: a second reviewer, never the ' +
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
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: DecideVersionProposalRequest,
  ): Promise<VersionProposalDecisionResponse> {
    const decided = await this.commands.execute(new DecideCatalogueProposalCommand(actor, proposalId, body));
    return { duplicate: decided.duplicate, proposal: toVersionProposalResponse(decided.proposal) };
  }

  @Get('versions')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Every published version of the district’s catalogue, newest first' })
  @ApiPageResponse(CatalogueVersionResponse)
  async versions(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<CatalogueVersionResponse>> {
    const page = await this.queries.execute(
      new ListCatalogueVersionsQuery(actor, { offset: query.offset, limit: query.limit }),
    );
    return toPage(page.items, page.total, query);
  }

  @Get('versions/:version')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The items of one version (`current` for the newest), as JSON or as a CSV download' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiExtraModels(CatalogueVersionItemsResponse)
  @ApiProblems(CatalogueErrors)
  @ApiOkResponse({
    description: 'The version’s items; with `format=csv` a CSV file with the import header',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CatalogueVersionItemsResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async items(
    @CurrentPrincipal() actor: Principal,
    @Param('version') versionParam: string,
    @Query() query: CatalogueExportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogueVersionItemsResponse | string> {
    const {
      districtCode: district,
      version,
      items,
    } = await this.queries.execute(new GetCatalogueVersionQuery(actor, versionParam));
    if (query.format === 'csv') {
      response.type('text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="catalogue-${district}-v${version}.csv"`);
      return catalogueToCsv(items);
    }
    return { districtCode: district, version, items };
  }
}
