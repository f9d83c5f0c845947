import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { LedgerErrors } from '../domain/ledger.errors.js';
import { RequestLedgerCommand } from '../commands/request-ledger/request-ledger.command.js';
import { GetLedgerRegisterQuery } from '../queries/get-ledger-register/get-ledger-register.query.js';
import { LedgerAcceptedResponse, LedgerRegisterResponse, RequestLedgerRequest } from './dto/ledger.dto.js';

@ApiTags('ledgers')
@ApiBearerAuth()
@Controller()
export class LedgersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('ledger-requests')
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department asks a community to keep a ledger (台账). Accepted only when the named item of the current ' +
      'catalogue allows it; otherwise refused (422 ledger.not-allowed) and recorded as a violation (违规摊派)',
  })
  @ApiCreatedResponse({ type: LedgerAcceptedResponse })
  @ApiProblems(LedgerErrors['ledger.not-allowed'], LedgerErrors['community.not-found'])
  request(@CurrentPrincipal() actor: Principal, @Body() body: RequestLedgerRequest): Promise<LedgerAcceptedResponse> {
    return this.commands.execute(
      new RequestLedgerCommand(actor, {
        communityId: body.communityId,
        name: body.name.trim(),
        frequency: body.frequency,
        templateSha256: body.templateSha256 ?? null,
        catalogueItemCode: body.catalogueItemCode.trim(),
      }),
    );
  }

  @Get('communities/:communityId/ledgers')
  @AllowRoles(Roles.CommunitySecretary, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The community’s ledger register (台账清单): the ledgers it keeps and who asked' })
  @ApiOkResponse({ type: LedgerRegisterResponse })
  @ApiProblems(LedgerErrors['community.not-found'])
  register(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
  ): Promise<LedgerRegisterResponse> {
    return this.queries.execute(new GetLedgerRegisterQuery(actor, communityId));
  }
}
