import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AllowRoles, ApiPageResponse, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { DepartmentErrors } from '../domain/departments.errors.js';
import { AssignDepartmentUserCommand } from '../commands/assign-department-user/assign-department-user.command.js';
import { CreateDepartmentCommand } from '../commands/create-department/create-department.command.js';
import { RemoveDepartmentUserCommand } from '../commands/remove-department-user/remove-department-user.command.js';
import { GetDepartmentQuery } from '../queries/get-department/get-department.query.js';
import { ListDepartmentsQuery } from '../queries/list-departments/list-departments.query.js';
import { AssignDepartmentUserRequest } from './dto/assign-department-user.request.js';
import { CreateDepartmentRequest } from './dto/create-department.request.js';
import { DepartmentListQuery, DepartmentUserParams } from './dto/department.query.js';
import { DepartmentCreatedResponse, DepartmentResponse } from './dto/department.response.js';

@ApiTags('departments')
@ApiBearerAuth()
@ApiProblems(DepartmentErrors)
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Register a functional department (区直部门); publishes organization.department.created' })
  @ApiCreatedResponse({ type: DepartmentCreatedResponse })
  create(@Body() body: CreateDepartmentRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateDepartmentCommand(body.code, body.name, actor));
  }

  @Get()
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The departments of the caller’s district, with their users' })
  @ApiPageResponse(DepartmentResponse)
  list(@CurrentPrincipal() actor: Principal, @Query() query: DepartmentListQuery) {
    return this.queries.execute(new ListDepartmentsQuery(actor, { offset: query.offset, limit: query.limit }));
  }

  @Get(':departmentId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A department with its users' })
  @ApiOkResponse({ type: DepartmentResponse })
  get(@Param('departmentId', ParseUUIDPipe) departmentId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetDepartmentQuery(departmentId, actor));
  }

  @Put(':departmentId/users/:userId')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Add a user to the department, or change their name or role' })
  @ApiOkResponse({ type: DepartmentResponse })
  assignUser(
    @Param() { departmentId, userId }: DepartmentUserParams,
    @Body() body: AssignDepartmentUserRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AssignDepartmentUserCommand(departmentId, userId, body.name, body.role, actor));
  }

  @Delete(':departmentId/users/:userId')
  @HttpCode(204)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Take a user off the department' })
  @ApiNoContentResponse({ description: 'The user no longer acts for the department' })
  async removeUser(
    @Param() { departmentId, userId }: DepartmentUserParams,
    @CurrentPrincipal() actor: Principal,
  ): Promise<void> {
    await this.commands.execute(new RemoveDepartmentUserCommand(departmentId, userId, actor));
  }
}
