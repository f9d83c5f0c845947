import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UserNamesController } from './api/user-names.controller.js';
import { UsersController } from './api/users.controller.js';
import { AssignRoleHandler } from './commands/assign-role/assign-role.handler.js';
import { CreateUserHandler } from './commands/create-user/create-user.handler.js';
import { RevokeRoleAssignmentHandler } from './commands/revoke-role-assignment/revoke-role-assignment.handler.js';
import { SetUserStatusHandler } from './commands/set-user-status/set-user-status.handler.js';
import { TakeDepartmentFromOrganization } from './events/take-department-from-organization.handler.js';
import { UsersPersistenceModule } from './persistence/users-persistence.module.js';
import { GetUserHandler } from './queries/get-user/get-user.handler.js';
import { GetUserNamesHandler } from './queries/get-user-names/get-user-names.handler.js';
import { ListUsersHandler } from './queries/list-users/list-users.handler.js';

/** User administration: accounts, their status, and role assignments with organisation scope. */
@Module({
  imports: [UsersPersistenceModule, AuditModule],
  controllers: [UsersController, UserNamesController],
  providers: [
    CreateUserHandler,
    SetUserStatusHandler,
    AssignRoleHandler,
    RevokeRoleAssignmentHandler,
    GetUserHandler,
    ListUsersHandler,
    GetUserNamesHandler,
    TakeDepartmentFromOrganization,
  ],
})
export class UsersModule {}
