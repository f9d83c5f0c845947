import { Module } from '@nestjs/common';
import { AddDepartmentWhenDepartmentCreated } from './events/add-department-when-department-created.handler.js';
import { DepartmentDirectoryRepository } from './persistence/department-directory.repository.js';
import { ListDepartmentsHandler } from './queries/list-departments/list-departments.handler.js';

/** Admission's copy of the district's functional departments (区直部门), fed by organization events. */
@Module({
  providers: [DepartmentDirectoryRepository, AddDepartmentWhenDepartmentCreated, ListDepartmentsHandler],
  exports: [DepartmentDirectoryRepository],
})
export class DepartmentDirectoryModule {}
