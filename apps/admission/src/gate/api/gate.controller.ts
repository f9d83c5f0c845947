import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  type Page,
  type Principal,
  Roles,
  WaitsForChange,
} from '@jianfu/platform';
import { AssignTaskCommand } from '../commands/assign-task/assign-task.command.js';
import { CancelTaskCommand } from '../commands/cancel-task/cancel-task.command.js';
import { MarkTaskDoneCommand } from '../commands/mark-task-done/mark-task-done.command.js';
import { RefuseWorkCommand } from '../commands/refuse-work/refuse-work.command.js';
import { GateErrors } from '../domain/gate.errors.js';
import { ListCommunityTasksQuery } from '../queries/list-community-tasks/list-community-tasks.query.js';
import { ListViolationsQuery } from '../queries/list-violations/list-violations.query.js';
import { CommunityTaskListQuery, ViolationListQuery } from './dto/gate.query.js';
import { AssignTaskRequest, CancelTaskRequest, RefuseWorkRequest } from './dto/gate.request.js';
import {
  CommunityTaskResponse,
  CommunityTaskStatusResponse,
  GateAssignmentResponse,
  TaskCancellationResponse,
  ViolationRecordedResponse,
  ViolationResponse,
} from './dto/gate.response.js';

@ApiTags('gate')
@ApiBearerAuth()
@Controller()
export class GateController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('gate/assignments')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department assigns work to a community. Refused (422, gate.*) unless it is an admitted task for that ' +
      'community whose funds arrived; each refusal is recorded as a violation (违规摊派)',
  })
  @ApiOkResponse({ type: GateAssignmentResponse })
  @ApiProblems(
    GateErrors['gate.not-admitted'],
    GateErrors['gate.not-admitted-for-community'],
    GateErrors['gate.task-cancelled'],
    GateErrors['gate.not-funded'],
    GateErrors['community.not-found'],
  )
  assign(@CurrentPrincipal() actor: Principal, @Body() body: AssignTaskRequest): Promise<GateAssignmentResponse> {
    return this.commands.execute(new AssignTaskCommand(actor, body.communityId, body.title, body.taskId));
  }

  @Get('communities/:communityId/tasks')
  @AllowRoles(Roles.CommunitySecretary, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The community’s task list: admitted and funded tasks that reached it' })
  @ApiPageResponse(CommunityTaskResponse)
  @ApiProblems(GateErrors['community.not-found'])
  @WaitsForChange('communityId')
  tasks(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query() query: CommunityTaskListQuery,
  ): Promise<Page<CommunityTaskResponse>> {
    return this.queries.execute(
      new ListCommunityTasksQuery(actor, communityId, query.status, { offset: query.offset, limit: query.limit }),
    );
  }

  @Post('communities/:communityId/tasks/:taskId/done')
  @HttpCode(200)
  @AllowRoles(Roles.CommunitySecretary)
  @ApiOperation({ summary: 'The community reports a dispatched task done (办结)' })
  @ApiOkResponse({ type: CommunityTaskStatusResponse })
  @ApiProblems(GateErrors['community.not-found'], GateErrors['community-task.not-found'])
  done(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
  ): Promise<CommunityTaskStatusResponse> {
    return this.commands.execute(new MarkTaskDoneCommand(actor, communityId, taskId));
  }

  @Post('tasks/:taskId/cancellation')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Cancels an admitted task (its department or a reviewer, with the reason): it leaves every community’s list ' +
      'and finance starts no further instalment of its funding; work reported done stays done',
  })
  @ApiOkResponse({ type: TaskCancellationResponse })
  @ApiProblems(GateErrors['task.not-found'])
  cancel(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: CancelTaskRequest,
  ): Promise<TaskCancellationResponse> {
    return this.commands.execute(new CancelTaskCommand(actor, taskId, body.reason.trim()));
  }

  @Post('communities/:communityId/refusals')
  @AllowRoles(Roles.CommunitySecretary)
  @ApiOperation({
    summary:
      'The community refuses a demand that arrived outside the platform (a task never admitted, a meeting, ledger, ' +
      'seal or plaque: `kind`); recorded as a violation',
  })
  @ApiCreatedResponse({ type: ViolationRecordedResponse })
  @ApiProblems(GateErrors['community.not-found'], GateErrors['gate.task-admitted'])
  refuse(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RefuseWorkRequest,
  ): Promise<ViolationRecordedResponse> {
    return this.commands.execute(
      new RefuseWorkCommand(actor, communityId, {
        departmentId: body.departmentId,
        title: body.title,
        ...(body.taskId ? { taskId: body.taskId } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
        kind: body.kind ?? 'task',
      }),
    );
  }

  @Get('violations')
  @AllowRoles(Roles.AdmissionReviewer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Recorded violations (违规摊派): a department sees its own, a community those against it' })
  @ApiPageResponse(ViolationResponse)
  violations(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ViolationListQuery,
  ): Promise<Page<ViolationResponse>> {
    return this.queries.execute(
      new ListViolationsQuery(
        actor,
        {
          ...(query.departmentId ? { departmentId: query.departmentId } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
        },
        { offset: query.offset, limit: query.limit },
      ),
    );
  }
}
