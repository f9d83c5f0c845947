import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  type Page,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { IdempotencyErrors } from '../../idempotency/domain/idempotency.errors.js';
import { requireIdempotencyKey } from '../../idempotency/domain/idempotency-key.js';
import { SetBaseStandardCommand } from '../commands/set-base-standard/set-base-standard.command.js';
import { StartBaseAllocationCommand } from '../commands/start-base-allocation/start-base-allocation.command.js';
import { TopUpBaseAllocationCommand } from '../commands/top-up-base-allocation/top-up-base-allocation.command.js';
import { BaseAllocationErrors } from '../domain/base-allocation.errors.js';
import { GetBaseAllocationQuery } from '../queries/get-base-allocation/get-base-allocation.query.js';
import { GetBaseStandardQuery } from '../queries/get-base-standard/get-base-standard.query.js';
import { ListBaseTopUpsQuery } from '../queries/list-base-top-ups/list-base-top-ups.query.js';
import {
  BaseAllocationRunResponse,
  BaseAllocationStartedResponse,
  BaseStandardResponse,
  BaseTopUpResponse,
  BaseTopUpStartedResponse,
  toBaseAllocationRunResponse,
  toBaseTopUpResponse,
} from './dto/base-allocation.response.js';
import { SetBaseStandardRequest } from './dto/set-base-standard.request.js';
import { TopUpBaseAllocationRequest } from './dto/top-up-base-allocation.request.js';
import { YearParams } from './dto/year-params.request.js';

@ApiTags('base allocation')
@ApiBearerAuth()
@ApiProblems(BaseAllocationErrors)
@Controller()
export class BaseAllocationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('base-allocation-standards/:year')
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({
    summary:
      'Set the district’s base operating fund per community for a year (社区基本运转经费标准); once the year was paid, only a top-up raises it',
  })
  @ApiOkResponse({ type: BaseStandardResponse })
  setStandard(
    @Param() { year }: YearParams,
    @Body() body: SetBaseStandardRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<BaseStandardResponse> {
    return this.commands.execute(new SetBaseStandardCommand(year, body.amountFen, actor));
  }

  @Get('base-allocation-standards/:year')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({
    summary: 'The standard in force for a year: the district’s own, or the default of its funding policy',
  })
  @ApiOkResponse({ type: BaseStandardResponse })
  standard(@Param() { year }: YearParams, @CurrentPrincipal() actor: Principal): Promise<BaseStandardResponse> {
    return this.queries.execute(new GetBaseStandardQuery(year, actor));
  }

  @Post('base-allocations/:year')
  @HttpCode(202)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Pay every community of the district its base fund for the year (a batch workflow)' })
  @ApiAcceptedResponse({ type: BaseAllocationStartedResponse })
  start(@Param() { year }: YearParams, @CurrentPrincipal() actor: Principal): Promise<BaseAllocationStartedResponse> {
    return this.commands.execute(new StartBaseAllocationCommand(year, actor));
  }

  @Get('base-allocations/:year')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'Progress of the district’s base allocation for a year' })
  @ApiOkResponse({ type: BaseAllocationRunResponse })
  async progress(
    @Param() { year }: YearParams,
    @CurrentPrincipal() actor: Principal,
  ): Promise<BaseAllocationRunResponse> {
    return toBaseAllocationRunResponse(await this.queries.execute(new GetBaseAllocationQuery(year, actor)));
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
  @ApiProblems(IdempotencyErrors)
  @ApiAcceptedResponse({ type: BaseTopUpStartedResponse })
  topUp(
    @Param() { year }: YearParams,
    @Body() body: TopUpBaseAllocationRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<BaseTopUpStartedResponse> {
    return this.commands.execute(
      new TopUpBaseAllocationCommand(year, body.amountFen, body.reason, actor, requireIdempotencyKey(idempotencyKey)),
    );
  }

  @Get('base-allocations/:year/top-ups')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The year’s top-ups (补差): from and to which standard, why, by whom' })
  @ApiPageResponse(BaseTopUpResponse)
  async topUps(
    @Param() { year }: YearParams,
    @Query() query: PageQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<Page<BaseTopUpResponse>> {
    const page = await this.queries.execute(
      new ListBaseTopUpsQuery(year, actor, { offset: query.offset, limit: query.limit }),
    );
    return { ...page, items: page.items.map(toBaseTopUpResponse) };
  }
}
