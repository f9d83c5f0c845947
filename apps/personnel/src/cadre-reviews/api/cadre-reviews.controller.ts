import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiPageResponse, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { WorkerErrors } from '../../workers/domain/workers.errors.js';
import { RecordCadreReviewCommand } from '../commands/record-cadre-review/record-cadre-review.command.js';
import { CadreReviewErrors } from '../domain/cadre-reviews.errors.js';
import { ListCadreReviewsQuery } from '../queries/list-cadre-reviews/list-cadre-reviews.query.js';
import { CadreReviewPath, ListCadreReviewsRequest } from './dto/cadre-review-params.request.js';
import { CadreReviewResponse, CadreReviewResultResponse } from './dto/cadre-review.response.js';
import { RecordCadreReviewRequest } from './dto/record-cadre-review.request.js';

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
  @ApiOkResponse({ type: CadreReviewResultResponse })
  @ApiProblems(CadreReviewErrors, WorkerErrors['worker.not-found'])
  record(@Param() path: CadreReviewPath, @Body() body: RecordCadreReviewRequest, @CurrentPrincipal() actor: Principal) {
    const { fieldVisitNotes, ...scores } = body;
    return this.commands.execute(
      new RecordCadreReviewCommand(path.workerId, path.year, scores, fieldVisitNotes, actor),
    );
  }

  @Get('cadre-reviews')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'A year’s cadre reviews in scope, best first' })
  @ApiPageResponse(CadreReviewResponse)
  list(@Query() query: ListCadreReviewsRequest, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListCadreReviewsQuery(query.year, actor, query.offset, query.limit));
  }
}
