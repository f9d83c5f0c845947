import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
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
import { AssignRoleCommand } from '../commands/assign-role/assign-role.command.js';
import { CreateUserCommand } from '../commands/create-user/create-user.command.js';
import { RevokeRoleAssignmentCommand } from '../commands/revoke-role-assignment/revoke-role-assignment.command.js';
import { SetUserStatusCommand } from '../commands/set-user-status/set-user-status.command.js';
import { UserErrors } from '../domain/users.errors.js';
import { GetUserQuery } from '../queries/get-user/get-user.query.js';
import { ListUsersQuery } from '../queries/list-users/list-users.query.js';
import { AssignRoleRequest, CreateUserRequest, SetUserStatusRequest, UserResponse } from './dto/users.dto.js';

@ApiTags('用户与角色')
@ApiBearerAuth()
@AllowRoles(Roles.OrganizationAdmin)
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with an initial password, to be changed at the first sign-in' })
  @ApiProblems(UserErrors['user.login-name-taken'], UserErrors['user.password-too-weak'])
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() body: CreateUserRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new CreateUserCommand(body.loginName, body.displayName, body.phone ?? null, body.initialPassword, actor),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Users by login name, with their active role assignments' })
  @ApiPageResponse(UserResponse)
  list(@Query() query: PageQuery) {
    return this.queries.execute(new ListUsersQuery({ offset: query.offset, limit: query.limit }));
  }

  @Get(':userId')
  @ApiProblems(UserErrors['user.not-found'])
  @ApiOkResponse({ type: UserResponse })
  get(@Param('userId', new ParseUUIDPipe()) userId: string) {
    return this.queries.execute(new GetUserQuery(userId));
  }

  @Put(':userId/status')
  @ApiOperation({ summary: 'Disable or re-enable a user; a disabled user can neither sign in nor refresh' })
  @ApiProblems(UserErrors['user.not-found'], UserErrors['user.out-of-district'])
  @ApiOkResponse({ type: UserResponse })
  setStatus(
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: SetUserStatusRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new SetUserStatusCommand(userId, body.status, actor));
  }

  @Post(':userId/role-assignments')
  @ApiOperation({ summary: 'Give the user a role within an organisation scope (all of a user’s roles share one)' })
  @ApiProblems(
    UserErrors['user.not-found'],
    UserErrors['user.out-of-district'],
    UserErrors['assignment.scope-conflict'],
    UserErrors['assignment.role-taken'],
  )
  @ApiCreatedResponse({ type: UserResponse })
  assign(
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: AssignRoleRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AssignRoleCommand(userId, body.role, { ...body.scope }, actor));
  }

  @Delete(':userId/role-assignments/:assignmentId')
  @ApiOperation({ summary: 'End one of the user’s role assignments (kept, marked revoked)' })
  @ApiProblems(UserErrors['user.not-found'], UserErrors['user.out-of-district'], UserErrors['assignment.not-found'])
  @ApiOkResponse({ type: UserResponse })
  revoke(
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Param('assignmentId', new ParseUUIDPipe()) assignmentId: string,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new RevokeRoleAssignmentCommand(userId, assignmentId, actor));
  }
}
