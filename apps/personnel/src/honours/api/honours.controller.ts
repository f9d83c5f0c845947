import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { AwardHonourCommand } from '../commands/award-honour/award-honour.command.js';
import { AwardHonourRequest } from './dto/award-honour.request.js';

@ApiTags('honours')
@ApiBearerAuth()
@Controller()
export class HonoursController {
  constructor(private readonly commands: CommandBus) {}

  @Post('workers/:workerId/honours')
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record an honour (荣誉) and its one-off award; the same honour is paid once' })
  @ApiCreatedResponse({ schema: { example: { awardId: '1f2e...', amountFen: 500000 } } })
  award(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() body: AwardHonourRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AwardHonourCommand(workerId, { ...body }, actor));
  }
}
