import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
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
import { CatalogueErrors } from '../domain/catalogue.errors.js';
import { catalogueFromCsv, catalogueToCsv, validateCatalogueItems } from '../domain/catalogue-item.js';
import { CatalogueRepository } from '../persistence/catalogue.repository.js';
import { CatalogueExportQuery } from './dto/catalogue.query.js';
import { CatalogueVersionItemsResponse, CatalogueVersionResponse } from './dto/catalogue.response.js';
import { ImportCatalogueRequest, PublishCatalogueRequest } from './dto/publish-catalogue.request.js';

@ApiTags('admission catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  private publishItems(actor: Principal, raw: unknown[], note: string | undefined): Promise<CatalogueVersionResponse> {
    const { items, problems } = validateCatalogueItems(raw);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return this.transactions.run((tx) =>
      this.catalogue.publish(tx, actor.scope.districtCode, items, actor.userId, note ?? null),
    );
  }

  @Post('versions')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary: 'Publish a new version of the district’s admission catalogue (准入清单); old versions stay',
  })
  @ApiCreatedResponse({ type: CatalogueVersionResponse })
  publish(
    @CurrentPrincipal() actor: Principal,
    @Body() body: PublishCatalogueRequest,
  ): Promise<CatalogueVersionResponse> {
    return this.publishItems(actor, body.items, body.note);
  }

  @Post('versions/import')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Publish a new version from a CSV or JSON file’s content' })
  @ApiCreatedResponse({ type: CatalogueVersionResponse })
  import(
    @CurrentPrincipal() actor: Principal,
    @Body() body: ImportCatalogueRequest,
  ): Promise<CatalogueVersionResponse> {
    if (body.format === 'csv') {
      const { items, problems } = catalogueFromCsv(body.content);
      if (problems.length > 0) throw new RequestValidationError(problems);
      return this.publishItems(actor, items, body.note);
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
    return this.publishItems(actor, items as unknown[], body.note);
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
