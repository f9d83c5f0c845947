import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { RecordCadreReviewCommand } from '../commands/record-cadre-review/record-cadre-review.command.js';
import { ListCadreReviewsQuery } from '../queries/list-cadre-reviews/list-cadre-reviews.query.js';
import { RecordCadreReviewRequest } from './dto/record-cadre-review.request.js';

function year(value: number): number {
  if (value < 2000 || value > 2100) throw new DomainError('request.invalid', 'year must be between 2000 and 2100', 400);
  return value;
}

@ApiTags('cadre reviews')
@ApiBearerAuth()
@Controller()
export class CadreReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('workers/:workerId/cadre-reviews/:year')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record the annual cadre review; returns the combined score and result' })
  @ApiOkResponse({ schema: { example: { composite: 91.2, result: 'excellent' } } })
  record(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Param('year', ParseIntPipe) reviewYear: number,
    @Body() body: RecordCadreReviewRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    const { fieldVisitNotes, ...scores } = body;
    return this.commands.execute(
      new RecordCadreReviewCommand(workerId, year(reviewYear), scores, fieldVisitNotes, actor),
    );
  }

  @Get('cadre-reviews')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'A year’s cadre reviews in scope, best first' })
  list(@Query('year', ParseIntPipe) reviewYear: number, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListCadreReviewsQuery(year(reviewYear), actor));
  }
}
