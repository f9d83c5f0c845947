import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { ImportWorkersCommand } from '../commands/import-workers/import-workers.command.js';
import { RecordTrainingCommand } from '../commands/record-training/record-training.command.js';
import { RegisterWorkerCommand } from '../commands/register-worker/register-worker.command.js';
import { UpdateWorkerCommand } from '../commands/update-worker/update-worker.command.js';
import { GetWorkerQuery } from '../queries/get-worker/get-worker.query.js';
import { GetWorkerHistoryQuery } from '../queries/get-worker-history/get-worker-history.query.js';
import { ListWorkersQuery } from '../queries/list-workers/list-workers.query.js';
import { ImportWorkersRequest } from './dto/import-workers.request.js';
import { RecordTrainingRequest } from './dto/record-training.request.js';
import { RegisterWorkerRequest } from './dto/register-worker.request.js';
import { UpdateWorkerRequest } from './dto/update-worker.request.js';

const readers = [Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary];

@ApiTags('workers')
@ApiBearerAuth()
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
  @ApiCreatedResponse({ schema: { example: { workerId: '5d1c...' } } })
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
  @ApiCreatedResponse({ schema: { example: { imported: 2, workerIds: ['5d1c...', '8e2f...'] } } })
  import(@Body() body: ImportWorkersRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new ImportWorkersCommand(body.csv, body.reason, actor));
  }

  @Get()
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'Workers in the caller’s scope' })
  @ApiQuery({ name: 'communityId', required: false })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query('communityId') communityId: string | undefined,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
  ) {
    if (communityId !== undefined && !/^[0-9a-f-]{36}$/i.test(communityId)) {
      throw new DomainError('request.invalid', 'communityId must be a UUID', 400);
    }
    return this.queries.execute(new ListWorkersQuery(actor, communityId, offset, limit));
  }

  @Get(':workerId')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'A worker record' })
  get(@Param('workerId', ParseUUIDPipe) workerId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetWorkerQuery(workerId, actor));
  }

  @Patch(':workerId')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Correct or update a worker record; the change, its author and reason join the history' })
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
  recordTraining(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() body: RecordTrainingRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new RecordTrainingCommand(workerId, { ...body }, actor));
  }

  @Get(':workerId/history')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'Every change of the worker record: who, when, why, what' })
  history(@Param('workerId', ParseUUIDPipe) workerId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetWorkerHistoryQuery(workerId, actor));
  }
}
