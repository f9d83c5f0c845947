import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  NotFoundError,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { FinanceConfig } from '../../config.js';
import { StartBaseAllocationCommand } from '../commands/start-base-allocation/start-base-allocation.command.js';
import { BaseAllocationsRepository } from '../persistence/base-allocations.repository.js';
import { SetBaseStandardRequest } from './dto/set-base-standard.request.js';

function assertYear(year: number): void {
  if (year < 2000 || year > 2100)
    throw new DomainError('request.invalid-year', 'year must be between 2000 and 2100', 400);
}

@ApiTags('base allocation')
@ApiBearerAuth()
@Controller()
export class BaseAllocationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
    private readonly config: FinanceConfig,
  ) {}

  @Put('base-allocation-standards/:year')
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Set the district’s base operating fund per community for a year (社区基本运转经费标准)' })
  @ApiOkResponse({ schema: { example: { districtCode: '350102', year: 2026, amountFen: 4_500_000 } } })
  async setStandard(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: SetBaseStandardRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    assertYear(year);
    const districtCode = actor.scope.districtCode;
    await this.transactions.run((tx) =>
      this.allocations.setStandard(tx, districtCode, year, body.amountFen, actor.userId),
    );
    return { districtCode, year, amountFen: body.amountFen };
  }

  @Get('base-allocation-standards/:year')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'The standard in force for a year: the district’s own, or the configured default' })
  @ApiOkResponse({ schema: { example: { districtCode: '350102', year: 2026, amountFen: 4_500_000, isDefault: true } } })
  async standard(@Param('year', ParseIntPipe) year: number, @CurrentPrincipal() actor: Principal) {
    assertYear(year);
    const districtCode = actor.scope.districtCode;
    const amountFen = await this.allocations.standard(this.transactions.reader, districtCode, year);
    return {
      districtCode,
      year,
      amountFen: amountFen ?? this.config.BASE_FUND_DEFAULT_FEN,
      isDefault: amountFen === null,
    };
  }

  @Post('base-allocations/:year')
  @HttpCode(202)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Pay every community of the district its base fund for the year (a batch workflow)' })
  @ApiAcceptedResponse({
    schema: {
      example: { workflowId: 'base-allocation-350102-2026-3f1e…', year: 2026, amountFen: 4_500_000, started: true },
    },
  })
  start(@Param('year', ParseIntPipe) year: number, @CurrentPrincipal() actor: Principal) {
    assertYear(year);
    return this.commands.execute(new StartBaseAllocationCommand(year, actor));
  }

  @Get('base-allocations/:year')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'Progress of the district’s base allocation for a year' })
  @ApiOkResponse({ schema: { example: { state: 'finished', communitiesSeen: 100, communitiesPaid: 100 } } })
  async progress(@Param('year', ParseIntPipe) year: number, @CurrentPrincipal() actor: Principal) {
    assertYear(year);
    const run = await this.allocations.findRun(this.transactions.reader, actor.scope.districtCode, year);
    if (!run) throw new NotFoundError('base-allocation', `${actor.scope.districtCode}/${year}`);
    return run;
  }
}
