import { type DynamicModule, Module } from '@nestjs/common';
import { AddDepartmentWhenDepartmentCreated } from './add-department-when-department-created.handler.js';
import { DepartmentDirectoryRepository, DepartmentDirectoryTable } from './department-directory.repository.js';

/**
 * The departments (区直部门) that admission and finance each keep in their own schema, fed only by organization's
 * DepartmentCreated. Import `forTable` once, in the service's own directory module, which the rest of it imports:
 * a second import would consume the event twice.
 */
@Module({})
export class DepartmentDirectoryModule {
  static forTable(table: DepartmentDirectoryTable['name']): DynamicModule {
    return {
      module: DepartmentDirectoryModule,
      providers: [
        { provide: DepartmentDirectoryTable, useValue: new DepartmentDirectoryTable(table) },
        DepartmentDirectoryRepository,
        AddDepartmentWhenDepartmentCreated,
      ],
      exports: [DepartmentDirectoryRepository],
    };
  }
}
