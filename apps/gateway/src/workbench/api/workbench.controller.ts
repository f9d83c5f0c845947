import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActiveSession } from '../../sessions/session-access.js';
import { CurrentSession } from '../../sessions/api/session.guard.js';
import { GetWorkbenchInboxQuery } from '../queries/get-workbench-inbox/get-workbench-inbox.query.js';
import { WorkbenchInboxQuery } from './dto/workbench-inbox.request.js';

/** 工作台: the views that cross services. */
@ApiTags('workbench')
@Controller('api/workbench')
export class WorkbenchController {
  constructor(private readonly queries: QueryBus) {}

  @Get('inbox')
  @ApiOperation({ summary: '待办 / 已办 / 抄送 of all four services in one list; `unavailable` names any that failed' })
  inbox(@CurrentSession() session: ActiveSession, @Query() query: WorkbenchInboxQuery) {
    return this.queries.execute(
      new GetWorkbenchInboxQuery(session.accessToken, session.user.scope.districtCode, {
        view: query.view,
        offset: query.offset,
        limit: query.limit,
        ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
        ...(query.q ? { q: query.q } : {}),
      }),
    );
  }
}
