import { Module } from '@nestjs/common';
import { DepartmentsController } from './api/departments.controller.js';
import { AssignDepartmentUserHandler } from './commands/assign-department-user/assign-department-user.handler.js';
import { CreateDepartmentHandler } from './commands/create-department/create-department.handler.js';
import { RemoveDepartmentUserHandler } from './commands/remove-department-user/remove-department-user.handler.js';
import { DepartmentsRepository } from './persistence/departments.repository.js';
import { GetDepartmentHandler } from './queries/get-department/get-department.handler.js';
import { ListDepartmentsHandler } from './queries/list-departments/list-departments.handler.js';

@Module({
  controllers: [DepartmentsController],
  providers: [
    DepartmentsRepository,
    CreateDepartmentHandler,
    AssignDepartmentUserHandler,
    RemoveDepartmentUserHandler,
    GetDepartmentHandler,
    ListDepartmentsHandler,
  ],
  exports: [DepartmentsRepository],
})
export class DepartmentsModule {}
