import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
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
  NotFoundError,
  type Page,
  PageQuery,
  type Principal,
  RequestValidationError,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import type { ProposalSubject } from '../../version-proposals/domain/version-proposal.js';
import { VersionProposalErrors } from '../../version-proposals/domain/version-proposal.errors.js';
import {
  DecideVersionProposalRequest,
  ListVersionProposalsQuery,
  VersionProposalDecisionResponse,
  VersionProposalResponse,
  toVersionProposalResponse,
} from '../../version-proposals/api/dto/version-proposal.dto.js';
import { VersionProposals } from '../../version-proposals/version-proposals.js';
import { CatalogueErrors } from '../domain/catalogue.errors.js';
import {
  type CatalogueItem,
  catalogueFromCsv,
  catalogueToCsv,
  validateCatalogueItems,
} from '../domain/catalogue-item.js';
import { CatalogueRepository } from '../persistence/catalogue.repository.js';
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
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly proposals: VersionProposals,
  ) {}

  private subject(actor: Principal): ProposalSubject {
    return { districtCode: actor.scope.districtCode, register: 'catalogue', departmentId: null };
  }

  private proposeItems(actor: Principal, raw: unknown[], note: string | undefined): Promise<CatalogueProposalResponse> {
    const { items, problems } = validateCatalogueItems(raw);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return this.transactions.run(async (tx) =>
      toCatalogueProposalResponse(
        await this.proposals.propose(tx, this.subject(actor), { items, note: note ?? null }, actor),
      ),
    );
  }

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
    return this.proposeItems(actor, body.items, body.note);
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
    if (body.format === 'csv') {
      const { items, problems } = catalogueFromCsv(body.content);
      if (problems.length > 0) throw new RequestValidationError(problems);
      return this.proposeItems(actor, items, body.note);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.content);
    } catch {
      throw new RequestValidationError([{ field: 'content', rule: 'isJson', message: 'content is not valid JSON' }]);
    }
    const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
    if (!Array.isArray(items)) {
      throw new RequestValidationError([
        { field: 'content', rule: 'isArray', message: 'JSON content must be an array of items or { items: [...] }' },
      ]);
    }
    return this.proposeItems(actor, items as unknown[], body.note);
  }

  @Get('proposals')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The district’s proposed catalogue versions, newest first (without their items)' })
  @ApiPageResponse(VersionProposalResponse)
  async proposalList(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListVersionProposalsQuery,
  ): Promise<Page<VersionProposalResponse>> {
    const page = await this.proposals.list(this.transactions.reader, this.subject(actor), query);
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
    return toCatalogueProposalResponse(
      await this.proposals.find<CatalogueItem>(this.transactions.reader, this.subject(actor), proposalId),
    );
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
    const decided = await this.transactions.run((tx) =>
      this.proposals.decide<CatalogueItem>(
        tx,
        this.subject(actor),
        proposalId,
        body,
        actor,
        async (inner, approved) => {
          const version = await this.catalogue.publish(
            inner,
            actor.scope.districtCode,
            approved.items,
            { publishedBy: approved.proposedBy, approvedBy: approved.approvedBy },
            approved.note,
          );
          return version.version;
        },
      ),
    );
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
    const page = await this.catalogue.versions(this.transactions.reader, actor.scope.districtCode, query);
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
    const district = actor.scope.districtCode;
    const version =
      versionParam === 'current'
        ? await this.catalogue.currentVersion(this.transactions.reader, district)
        : /^\d{1,9}$/.test(versionParam)
          ? Number(versionParam)
          : undefined;
    if (version === undefined) {
      throw new RequestValidationError([
        { field: 'version', rule: 'isVersion', message: 'version must be a number or `current`' },
      ]);
    }
    const items = version === null ? [] : await this.catalogue.items(this.transactions.reader, district, version);
    if (version === null || items.length === 0) throw new NotFoundError('catalogue-version', versionParam);
    if (query.format === 'csv') {
      response.type('text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="catalogue-${district}-v${version}.csv"`);
      return catalogueToCsv(items);
    }
    return { districtCode: district, version, items };
  }
}
