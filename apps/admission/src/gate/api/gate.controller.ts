import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { GateService } from '../gate.service.js';
import { AssignTaskRequest, CancelTaskRequest, RefuseWorkRequest } from './dto/gate.request.js';

function paging(offset: number, limit: number): void {
  if (offset < 0 || limit < 1 || limit > 200) {
    throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 200', 400);
  }
}

@ApiTags('gate')
@ApiBearerAuth()
@Controller()
export class GateController {
  constructor(private readonly gate: GateService) {}

  @Post('gate/assignments')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department assigns work to a community. Refused (422, gate.*) unless it is an admitted task for that ' +
      'community whose funds arrived; each refusal is recorded as a violation (违规摊派)',
  })
  @ApiOkResponse({
    schema: { example: { accepted: true, taskId: '0d6e…', communityId: '2b0f…', status: 'dispatched' } },
  })
  assign(@CurrentPrincipal() actor: Principal, @Body() body: AssignTaskRequest) {
    return this.gate.assign(actor, {
      communityId: body.communityId,
      title: body.title,
      ...(body.taskId ? { taskId: body.taskId } : {}),
    });
  }

  @Get('communities/:communityId/tasks')
  @AllowRoles(Roles.CommunitySecretary, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The community’s task list: admitted and funded tasks that reached it' })
  @ApiQuery({ name: 'status', required: false, enum: ['dispatched', 'done'] })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 20 })
  @ApiOkResponse({
    schema: {
      example: {
        items: [{ taskId: '0d6e…', title: '居家养老服务补贴对象入户核查', amountFen: 300000, status: 'dispatched' }],
        total: 1,
      },
    },
  })
  tasks(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
    @Query('status') status?: string,
  ) {
    paging(offset, limit);
    if (status !== undefined && status !== 'dispatched' && status !== 'done') {
      throw new DomainError('request.status', 'status must be dispatched or done', 400);
    }
    return this.gate.communityTasks(actor, communityId, { offset, limit, ...(status ? { status } : {}) });
  }

  @Post('communities/:communityId/tasks/:taskId/done')
  @HttpCode(200)
  @AllowRoles(Roles.CommunitySecretary)
  @ApiOperation({ summary: 'The community reports a dispatched task done (办结)' })
  @ApiOkResponse({ schema: { example: { taskId: '0d6e…', communityId: '2b0f…', status: 'done' } } })
  done(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
  ) {
    return this.gate.markDone(actor, communityId, taskId);
  }

  @Post('tasks/:taskId/cancellation')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Cancels an admitted task (its department or a reviewer, with the reason): it leaves every community’s list ' +
      'and finance starts no further instalment of its funding; work reported done stays done',
  })
  @ApiOkResponse({
    schema: {
      example: { taskId: '0d6e…', status: 'cancelled', cancelledAt: '2027-03-02T02:00:00Z', duplicate: false },
    },
  })
  cancel(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: CancelTaskRequest,
  ) {
    return this.gate.cancel(actor, taskId, body.reason.trim());
  }

  @Post('communities/:communityId/refusals')
  @AllowRoles(Roles.CommunitySecretary)
  @ApiOperation({ summary: 'The community refuses work that was never admitted; recorded as a violation' })
  @ApiCreatedResponse({ schema: { example: { violationId: '5e4d…', communityId: '2b0f…', departmentId: '7c1d…' } } })
  refuse(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RefuseWorkRequest,
  ) {
    return this.gate.refuse(actor, communityId, {
      departmentId: body.departmentId,
      title: body.title,
      ...(body.taskId ? { taskId: body.taskId } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
    });
  }

  @Get('violations')
  @AllowRoles(Roles.AdmissionReviewer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Recorded violations (违规摊派): a department sees its own, a community those against it' })
  @ApiQuery({ name: 'departmentId', required: false })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 20 })
  @ApiOkResponse({ schema: { example: { items: [{ code: 'gate.not-funded', departmentId: '7c1d…' }], total: 1 } } })
  violations(
    @CurrentPrincipal() actor: Principal,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
    @Query('departmentId', new ParseUUIDPipe({ optional: true })) departmentId?: string,
  ) {
    paging(offset, limit);
    return this.gate.violationsFor(actor, { offset, limit, ...(departmentId ? { departmentId } : {}) });
  }
}
