import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, allRoles, CurrentPrincipal, type Principal } from '@jianfu/platform';
import { GetUserNamesQuery } from '../queries/get-user-names/get-user-names.query.js';
import { UserNamesRequest, UserNamesResponse } from './dto/user-names.dto.js';

@ApiTags('用户与角色')
@ApiBearerAuth()
@Controller('user-names')
export class UserNamesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(...allRoles)
  @ApiOperation({ summary: "Display names of colleagues (users holding a role in the caller's district), by id" })
  @ApiOkResponse({ type: UserNamesResponse })
  names(@Query() query: UserNamesRequest, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetUserNamesQuery(query.id, actor));
  }
}
