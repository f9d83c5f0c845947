import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { MarkCatalogueBaselineCommand } from '../commands/mark-catalogue-baseline/mark-catalogue-baseline.command.js';
import { RecordRemovalReasonsCommand } from '../commands/record-removal-reasons/record-removal-reasons.command.js';
import { CatalogueErrors } from '../domain/catalogue.errors.js';
import { GetBaselineDiffQuery } from '../queries/get-baseline-diff/get-baseline-diff.query.js';
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
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('baseline')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary: 'Mark a catalogue version as the pre-reform baseline (e.g. the 106 items); the latest mark stands',
  })
  @ApiCreatedResponse({ type: BaselineMarkResponse })
  @ApiProblems(CatalogueErrors['catalogue-version.not-found'])
  mark(@CurrentPrincipal() actor: Principal, @Body() body: MarkBaselineRequest): Promise<BaselineMarkResponse> {
    return this.commands.execute(new MarkCatalogueBaselineCommand(actor, body.version, body.note ?? null));
  }

  @Post('baseline/removal-reasons')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Record why baseline items left the list (cancelled, merged, returned to the department); a later record of ' +
      'the same code stands, earlier ones stay',
  })
  @ApiCreatedResponse({ type: RemovalReasonsRecordedResponse })
  recordReasons(
    @CurrentPrincipal() actor: Principal,
    @Body() body: RecordRemovalReasonsRequest,
  ): Promise<RemovalReasonsRecordedResponse> {
    return this.commands.execute(
      new RecordRemovalReasonsCommand(
        actor,
        body.items.map((item) => ({
          code: item.code,
          reason: item.reason,
          mergedInto: item.mergedInto ?? null,
          note: item.note ?? null,
        })),
      ),
    );
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
  diff(@CurrentPrincipal() actor: Principal, @Param('version') versionParam: string): Promise<BaselineDiffResponse> {
    return this.queries.execute(new GetBaselineDiffQuery(actor, versionParam));
  }
}
