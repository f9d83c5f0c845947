import { Module } from '@nestjs/common';
import { DepartmentDirectoryModule } from '@jianfu/community-directory';

/** Finance keeps its department directory in `directory_department`; imported wherever a department is looked up. */
@Module({
  imports: [DepartmentDirectoryModule.forTable('directory_department')],
  exports: [DepartmentDirectoryModule],
})
export class DepartmentDirectoryPersistenceModule {}
