import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { AssignDepartmentUserCommand } from '../commands/assign-department-user/assign-department-user.command.js';
import { CreateDepartmentCommand } from '../commands/create-department/create-department.command.js';
import { RemoveDepartmentUserCommand } from '../commands/remove-department-user/remove-department-user.command.js';
import { GetDepartmentQuery } from '../queries/get-department/get-department.query.js';
import { ListDepartmentsQuery } from '../queries/list-departments/list-departments.query.js';
import { AssignDepartmentUserRequest } from './dto/assign-department-user.request.js';
import { CreateDepartmentRequest } from './dto/create-department.request.js';

const userIdPattern = /^[0-9A-Za-z._@-]{1,100}$/;

@ApiTags('departments')
@ApiBearerAuth()
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
  @ApiCreatedResponse({ schema: { example: { departmentId: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e' } } })
  create(@Body() body: CreateDepartmentRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateDepartmentCommand(body.code, body.name, actor));
  }

  @Get()
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The departments of the caller’s district, with their users' })
  list(@CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListDepartmentsQuery(actor));
  }

  @Get(':departmentId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A department with its users' })
  get(@Param('departmentId', ParseUUIDPipe) departmentId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetDepartmentQuery(departmentId, actor));
  }

  @Put(':departmentId/users/:userId')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiParam({ name: 'userId', example: 'u-mzj-01' })
  @ApiOperation({ summary: 'Add a user to the department, or change their name or role' })
  assignUser(
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('userId') userId: string,
    @Body() body: AssignDepartmentUserRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new AssignDepartmentUserCommand(departmentId, validUserId(userId), body.name, body.role, actor),
    );
  }

  @Delete(':departmentId/users/:userId')
  @HttpCode(204)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Take a user off the department' })
  async removeUser(
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('userId') userId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<void> {
    await this.commands.execute(new RemoveDepartmentUserCommand(departmentId, validUserId(userId), actor));
  }
}

function validUserId(userId: string): string {
  if (!userIdPattern.test(userId)) {
    throw new DomainError('request.user-id', 'userId must be 1-100 letters, digits or . _ @ -', 400);
  }
  return userId;
}
