import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, chinaDateOf, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { GetBurdenIndexQuery } from '../queries/get-burden-index/get-burden-index.query.js';
import { GetDecisionOutcomesQuery } from '../queries/get-decision-outcomes/get-decision-outcomes.query.js';
import { BurdenIndexQuery, LeaderYearQuery } from './dto/leader-figures.request.js';
import { BurdenIndexResponse, DecisionOutcomesResponse } from './dto/leader-figures.response.js';

const thisYear = () => Number(chinaDateOf(new Date()).slice(0, 4));

/** The leaders' dashboard figures computed here; they refuse nothing beyond the platform's own codes. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class LeaderFiguresController {
  constructor(private readonly queries: QueryBus) {}

  @Get('burden-index')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer, Roles.CommunitySecretary)
  @ApiOperation({
    summary:
      'Burden per community as an index against the catalogue’s cap: items, ledgers and evaluations in force in ' +
      'the year against what the current catalogue allows',
  })
  @ApiOkResponse({ type: BurdenIndexResponse })
  burden(@CurrentPrincipal() actor: Principal, @Query() query: BurdenIndexQuery): Promise<BurdenIndexResponse> {
    return this.queries.execute(
      new GetBurdenIndexQuery(actor, query.year ?? thisYear(), query.streetCode || undefined),
    );
  }

  @Get('decision-outcomes')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({
    summary: 'Tasks admitted against work refused in the year, by reason, and the median working days to decision',
  })
  @ApiOkResponse({ type: DecisionOutcomesResponse })
  outcomes(@CurrentPrincipal() actor: Principal, @Query() query: LeaderYearQuery): Promise<DecisionOutcomesResponse> {
    return this.queries.execute(new GetDecisionOutcomesQuery(actor, query.year ?? thisYear()));
  }
}
