import { Module } from '@nestjs/common';
import { DepartmentsController } from './api/departments.controller.js';
import { DepartmentDirectoryPersistenceModule } from './persistence/department-directory-persistence.module.js';
import { ListDepartmentsHandler } from './queries/list-departments/list-departments.handler.js';

/** Which departments exist and in which district: what budgets and ledger reads are scoped by. */
@Module({
  imports: [DepartmentDirectoryPersistenceModule],
  controllers: [DepartmentsController],
  providers: [ListDepartmentsHandler],
  exports: [DepartmentDirectoryPersistenceModule],
})
export class DepartmentsModule {}
