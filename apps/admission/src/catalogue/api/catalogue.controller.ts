import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  NotFoundError,
  type Principal,
  RequestValidationError,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { catalogueFromCsv, catalogueToCsv, validateCatalogueItems } from '../domain/catalogue-item.js';
import { CatalogueRepository } from '../persistence/catalogue.repository.js';
import { ImportCatalogueRequest, PublishCatalogueRequest } from './dto/publish-catalogue.request.js';

@ApiTags('admission catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  private publishItems(actor: Principal, raw: unknown[], note: string | undefined) {
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
  @ApiCreatedResponse({ schema: { example: { districtCode: '350102', version: 2, itemCount: 34 } } })
  publish(@CurrentPrincipal() actor: Principal, @Body() body: PublishCatalogueRequest) {
    return this.publishItems(actor, body.items, body.note);
  }

  @Post('versions/import')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Publish a new version from a CSV or JSON file’s content' })
  @ApiCreatedResponse({ schema: { example: { districtCode: '350102', version: 3, itemCount: 34 } } })
  import(@CurrentPrincipal() actor: Principal, @Body() body: ImportCatalogueRequest) {
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
  @ApiOkResponse({ schema: { example: [{ version: 2, itemCount: 34, publishedBy: 'reviewer-1', note: null }] } })
  versions(@CurrentPrincipal() actor: Principal) {
    return this.catalogue.versions(this.transactions.reader, actor.scope.districtCode);
  }

  @Get('versions/:version')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The items of one version (`current` for the newest), as JSON or as a CSV download' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], example: 'json' })
  @ApiOkResponse({ schema: { example: { version: 1, items: [{ code: 'MZ-01', name: '最低生活保障对象入户调查' }] } } })
  async items(
    @CurrentPrincipal() actor: Principal,
    @Param('version') versionParam: string,
    @Res({ passthrough: true }) response: Response,
    @Query('format') format?: string,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'csv') {
      throw new RequestValidationError([{ field: 'format', rule: 'isIn', message: 'format must be json or csv' }]);
    }
    const district = actor.scope.districtCode;
    const version =
      versionParam === 'current'
        ? await this.catalogue.currentVersion(this.transactions.reader, district)
        : /^\d{1,9}$/.test(versionParam)
          ? Number(versionParam)
          : undefined;
    if (version === undefined) {
      throw new DomainError('request.invalid-version', 'version must be a number or `current`', 400);
    }
    const items = version === null ? [] : await this.catalogue.items(this.transactions.reader, district, version);
    if (version === null || items.length === 0) throw new NotFoundError('catalogue-version', versionParam);
    if (format === 'csv') {
      response.type('text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="catalogue-${district}-v${version}.csv"`);
      return catalogueToCsv(items);
    }
    return { districtCode: district, version, items };
  }
}
