import { Module } from '@nestjs/common';
import { DepartmentDirectoryRepository } from './department-directory.repository.js';

@Module({
  providers: [DepartmentDirectoryRepository],
  exports: [DepartmentDirectoryRepository],
})
export class DepartmentDirectoryPersistenceModule {}
