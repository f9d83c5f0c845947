import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { WorkerErrors } from '../../workers/domain/workers.errors.js';
import { AwardHonourCommand } from '../commands/award-honour/award-honour.command.js';
import { HonourErrors } from '../domain/honours.errors.js';
import { AwardHonourRequest } from './dto/award-honour.request.js';
import { HonourAwardedResponse } from './dto/honour-awarded.response.js';

@ApiTags('honours')
@ApiBearerAuth()
@ApiProblems(HonourErrors, WorkerErrors['worker.not-found'])
@Controller()
export class HonoursController {
  constructor(private readonly commands: CommandBus) {}

  @Post('workers/:workerId/honours')
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record an honour (荣誉) and its one-off award; the same honour is paid once' })
  @ApiCreatedResponse({ type: HonourAwardedResponse })
  award(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() body: AwardHonourRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AwardHonourCommand(workerId, { ...body }, actor));
  }
}
