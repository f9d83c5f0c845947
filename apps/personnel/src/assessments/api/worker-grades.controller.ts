import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { WorkerErrors } from '../../workers/domain/workers.errors.js';
import { GetWorkerGradesQuery } from '../queries/get-worker-grades/get-worker-grades.query.js';
import { WorkerGradeResponse } from './dto/assessment-cycle.response.js';

@ApiTags('assessment-cycles')
@ApiBearerAuth()
@ApiProblems(WorkerErrors)
@Controller('workers')
export class WorkerGradesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':workerId/grades')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'A worker’s assessments: grade and bonus per cycle, newest period first' })
  @ApiPageResponse(WorkerGradeResponse)
  grades(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Query() page: PageQuery,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.queries.execute(new GetWorkerGradesQuery(workerId, actor, page.offset, page.limit));
  }
}
