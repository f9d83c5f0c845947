import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@jianfu/platform';
import type { ActiveSession } from '../../sessions/session-access.js';
import { CurrentSession } from '../../sessions/api/session.guard.js';
import { DossierErrors } from '../domain/dossier.errors.js';
import { GetTaskDossierQuery } from '../queries/get-task-dossier/get-task-dossier.query.js';
import type { TaskDossier } from '../queries/get-task-dossier/task-dossier.js';

/** 任务档案: one task followed across the services, each part as its service shows the user. */
@ApiTags('dossiers')
@ApiProblems(DossierErrors)
@Controller('api/dossiers')
export class DossiersController {
  constructor(private readonly queries: QueryBus) {}

  @Get('tasks/:taskId')
  @ApiOperation({ summary: 'The dossier of an admitted task, by its task id' })
  byTask(
    @CurrentSession() session: ActiveSession,
    @Param('taskId', ParseUUIDPipe) taskId: string,
  ): Promise<TaskDossier> {
    return this.queries.execute(new GetTaskDossierQuery(session.accessToken, { taskId }));
  }

  @Get('submissions/:submissionId')
  @ApiOperation({ summary: 'The dossier of a submission and, once admitted, of its task' })
  bySubmission(
    @CurrentSession() session: ActiveSession,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<TaskDossier> {
    return this.queries.execute(new GetTaskDossierQuery(session.accessToken, { submissionId }));
  }
}
