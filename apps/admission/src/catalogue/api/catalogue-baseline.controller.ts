import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  NotFoundError,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { diffAgainstBaseline } from '../domain/baseline-diff.js';
import { CatalogueErrors } from '../domain/catalogue.errors.js';
import { CatalogueBaselineRepository } from '../persistence/catalogue-baseline.repository.js';
import { CatalogueRepository } from '../persistence/catalogue.repository.js';
import {
  BaselineDiffResponse,
  BaselineMarkResponse,
  MarkBaselineRequest,
  RecordRemovalReasonsRequest,
  RemovalReasonsRecordedResponse,
} from './dto/catalogue-baseline.dto.js';

@ApiTags('admission catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueBaselineController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalogue: CatalogueRepository,
    private readonly baseline: CatalogueBaselineRepository,
  ) {}

  @Post('baseline')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary: 'Mark a catalogue version as the pre-reform baseline (e.g. the 106 items); the latest mark stands',
  })
  @ApiCreatedResponse({ type: BaselineMarkResponse })
  @ApiProblems(CatalogueErrors['catalogue-version.not-found'])
  mark(@CurrentPrincipal() actor: Principal, @Body() body: MarkBaselineRequest): Promise<BaselineMarkResponse> {
    const districtCode = actor.scope.districtCode;
    return this.transactions.run(async (tx) => {
      if ((await this.catalogue.items(tx, districtCode, body.version)).length === 0) {
        throw new NotFoundError('catalogue-version', String(body.version));
      }
      return this.baseline.mark(tx, {
        districtCode,
        version: body.version,
        note: body.note ?? null,
        markedBy: actor.userId,
      });
    });
  }

  @Post('baseline/removal-reasons')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Record why baseline items left the list (cancelled, merged, returned to the department); a later record of ' +
      'the same code stands, earlier ones stay',
  })
  @ApiCreatedResponse({ type: RemovalReasonsRecordedResponse })
  async recordReasons(
    @CurrentPrincipal() actor: Principal,
    @Body() body: RecordRemovalReasonsRequest,
  ): Promise<RemovalReasonsRecordedResponse> {
    await this.transactions.run((tx) =>
      this.baseline.recordReasons(
        tx,
        actor.scope.districtCode,
        body.items.map((item) => ({
          code: item.code,
          reason: item.reason,
          mergedInto: item.mergedInto ?? null,
          note: item.note ?? null,
        })),
        actor.userId,
      ),
    );
    return { recorded: body.items.length };
  }

  @Get('versions/:version/baseline-diff')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A version against the pre-reform baseline: the items removed, each with its reason' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiOkResponse({ type: BaselineDiffResponse })
  @ApiProblems(CatalogueErrors['catalogue-version.not-found'], CatalogueErrors['catalogue-baseline.not-found'])
  async diff(
    @CurrentPrincipal() actor: Principal,
    @Param('version') versionParam: string,
  ): Promise<BaselineDiffResponse> {
    const tx = this.transactions.reader;
    const districtCode = actor.scope.districtCode;
    const version =
      versionParam === 'current'
        ? await this.catalogue.currentVersion(tx, districtCode)
        : /^\d{1,9}$/.test(versionParam)
          ? Number(versionParam)
          : null;
    const items = version === null ? [] : await this.catalogue.items(tx, districtCode, version);
    if (version === null || items.length === 0) throw new NotFoundError('catalogue-version', versionParam);
    const mark = await this.baseline.current(tx, districtCode);
    if (!mark) throw new NotFoundError('catalogue-baseline', districtCode);
    const baselineItems = await this.catalogue.items(tx, districtCode, mark.version);
    return diffAgainstBaseline(
      { version: mark.version, items: baselineItems },
      { version, items },
      await this.baseline.reasons(tx, districtCode),
    );
  }
}
