import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  IdempotencyKey,
  NotFoundError,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { FinanceConfig } from '../../config.js';
import { requireIdempotencyKey } from '../../idempotency/domain/idempotency-key.js';
import { StartBaseAllocationCommand } from '../commands/start-base-allocation/start-base-allocation.command.js';
import { TopUpBaseAllocationCommand } from '../commands/top-up-base-allocation/top-up-base-allocation.command.js';
import { assertStandardMayChange } from '../domain/base-standard-rules.js';
import { BaseAllocationsRepository } from '../persistence/base-allocations.repository.js';
import { SetBaseStandardRequest } from './dto/set-base-standard.request.js';
import { TopUpBaseAllocationRequest } from './dto/top-up-base-allocation.request.js';

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
  @ApiOperation({
    summary:
      'Set the district’s base operating fund per community for a year (社区基本运转经费标准); once the year was paid, only a top-up raises it',
  })
  @ApiOkResponse({ schema: { example: { districtCode: '350102', year: 2026, amountFen: 4_500_000 } } })
  async setStandard(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: SetBaseStandardRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    assertYear(year);
    const districtCode = actor.scope.districtCode;
    await this.transactions.run(async (tx) => {
      const run = await this.allocations.findRun(tx, districtCode, year, true);
      assertStandardMayChange(year, run?.amountFen ?? null, body.amountFen);
      await this.allocations.setStandard(tx, districtCode, year, body.amountFen, actor.userId);
    });
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

  @Post('base-allocations/:year/top-ups')
  @HttpCode(202)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Names the top-up: repeated with the same body it returns the first answer; with another body, 422',
  })
  @ApiOperation({
    summary:
      '补差: raise the year’s standard and pay each community already paid the difference, once, with a reason (a batch workflow)',
  })
  @ApiAcceptedResponse({
    schema: {
      example: {
        topUpId: '7c1e…',
        workflowId: 'base-allocation-350102-2026-…',
        year: 2026,
        fromFen: 2_500_000,
        toFen: 4_500_000,
        reason: '区政府常务会议决定年中提标至4.5万元',
        replayed: false,
      },
    },
  })
  topUp(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: TopUpBaseAllocationRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    assertYear(year);
    return this.commands.execute(
      new TopUpBaseAllocationCommand(year, body.amountFen, body.reason, actor, requireIdempotencyKey(idempotencyKey)),
    );
  }

  @Get('base-allocations/:year/top-ups')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The year’s top-ups (补差): from and to which standard, why, by whom' })
  async topUps(@Param('year', ParseIntPipe) year: number, @CurrentPrincipal() actor: Principal) {
    assertYear(year);
    return { items: await this.allocations.topUps(this.transactions.reader, actor.scope.districtCode, year) };
  }
}
