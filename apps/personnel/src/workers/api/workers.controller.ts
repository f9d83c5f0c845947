import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { CommunityErrors } from '../../communities/domain/communities.errors.js';
import { ImportWorkersCommand } from '../commands/import-workers/import-workers.command.js';
import { RecordTrainingCommand } from '../commands/record-training/record-training.command.js';
import { RegisterWorkerCommand } from '../commands/register-worker/register-worker.command.js';
import { UpdateWorkerCommand } from '../commands/update-worker/update-worker.command.js';
import { GetWorkerQuery } from '../queries/get-worker/get-worker.query.js';
import { GetWorkerHistoryQuery } from '../queries/get-worker-history/get-worker-history.query.js';
import { ListWorkersQuery } from '../queries/list-workers/list-workers.query.js';
import { WorkerErrors } from '../domain/workers.errors.js';
import { ImportWorkersRequest, ImportWorkersXlsxRequest } from './dto/import-workers.request.js';
import { ListWorkersRequest } from './dto/list-workers.request.js';
import { RecordTrainingRequest } from './dto/record-training.request.js';
import { RegisterWorkerRequest } from './dto/register-worker.request.js';
import { UpdateWorkerRequest } from './dto/update-worker.request.js';
import {
  WorkerChangeResponse,
  WorkerDetailResponse,
  WorkerRegisteredResponse,
  WorkerResponse,
  WorkersImportedResponse,
  WorkerTrainingsResponse,
  WorkerUpdatedResponse,
} from './dto/worker.response.js';

const readers = [Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary];

@ApiTags('workers')
@ApiBearerAuth()
@ApiProblems(WorkerErrors, CommunityErrors)
@Controller('workers')
export class WorkersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Add a worker record (社区工作者档案)' })
  @ApiCreatedResponse({ type: WorkerRegisteredResponse })
  register(@Body() body: RegisterWorkerRequest, @CurrentPrincipal() actor: Principal) {
    const { reason, ...profile } = body;
    return this.commands.execute(
      new RegisterWorkerCommand(
        { ...profile, certificates: [...new Set(profile.certificates ?? [])].sort() },
        reason,
        actor,
      ),
    );
  }

  @Post('import')
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({
    summary: 'Import worker records from CSV; any bad line refuses the whole file, listing every problem',
  })
  @ApiCreatedResponse({ type: WorkersImportedResponse })
  import(@Body() body: ImportWorkersRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new ImportWorkersCommand({ csv: body.csv }, body.reason, actor));
  }

  @Post('import/xlsx')
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({
    summary:
      'Import worker records from an Excel workbook (.xlsx, base64), as the CSV import: any bad row refuses the ' +
      'whole file, listing every problem by row and column',
  })
  @ApiCreatedResponse({ type: WorkersImportedResponse })
  importXlsx(@Body() body: ImportWorkersXlsxRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new ImportWorkersCommand({ xlsx: Buffer.from(body.file, 'base64') }, body.reason, actor),
    );
  }

  @Get()
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'Workers in the caller’s scope, by employee number; filtered by community, text, steps' })
  @ApiPageResponse(WorkerResponse)
  list(@CurrentPrincipal() actor: Principal, @Query() query: ListWorkersRequest) {
    const { communityId, q, postStep, titleStep } = query;
    return this.queries.execute(
      new ListWorkersQuery(
        actor,
        {
          ...(communityId ? { communityId } : {}),
          ...(q ? { q } : {}),
          ...(postStep ? { postStep } : {}),
          ...(titleStep ? { titleStep } : {}),
        },
        query.offset,
        query.limit,
      ),
    );
  }

  @Get(':workerId')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'A worker record' })
  @ApiOkResponse({ type: WorkerDetailResponse })
  get(@Param('workerId', ParseUUIDPipe) workerId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetWorkerQuery(workerId, actor));
  }

  @Patch(':workerId')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Correct or update a worker record; the change, its author and reason join the history' })
  @ApiOkResponse({ type: WorkerUpdatedResponse })
  update(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() body: UpdateWorkerRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    const { reason, ...correction } = body;
    return this.commands.execute(new UpdateWorkerCommand(workerId, correction, reason, actor));
  }

  @Post(':workerId/trainings')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record a completed training course' })
  @ApiOkResponse({ type: WorkerTrainingsResponse, description: 'The worker’s trainings, the new one included' })
  recordTraining(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() body: RecordTrainingRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new RecordTrainingCommand(workerId, { ...body }, actor));
  }

  @Get(':workerId/history')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'Every change of the worker record, oldest first: who, when, why, what' })
  @ApiPageResponse(WorkerChangeResponse)
  history(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Query() page: PageQuery,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.queries.execute(new GetWorkerHistoryQuery(workerId, actor, page.offset, page.limit));
  }
}
