import { Module } from '@nestjs/common';
import { DepartmentDirectoryModule } from '@jianfu/community-directory';
import { ListDepartmentsHandler } from './queries/list-departments/list-departments.handler.js';

/** Admission's copy of the district's functional departments (区直部门), fed by organization events. */
@Module({
  imports: [DepartmentDirectoryModule.forTable('department')],
  providers: [ListDepartmentsHandler],
  exports: [DepartmentDirectoryModule],
})
export class DepartmentsModule {}
