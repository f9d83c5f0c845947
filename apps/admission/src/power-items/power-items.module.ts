import { Module } from '@nestjs/common';
import { DepartmentDirectoryModule } from '../departments/department-directory.js';
import { DepartmentsController } from '../departments/departments.controller.js';
import { PowerItemsController } from './api/power-items.controller.js';
import { PowerItemsRepository } from './persistence/power-items.repository.js';
import { VersionProposalsModule } from '../version-proposals/version-proposals.js';

@Module({ providers: [PowerItemsRepository], exports: [PowerItemsRepository] })
export class PowerItemsPersistenceModule {}

/** 权力清单: each department's administrative power items, kept, cancelled or devolved, versioned. */
@Module({
  imports: [PowerItemsPersistenceModule, DepartmentDirectoryModule, VersionProposalsModule],
  controllers: [DepartmentsController, PowerItemsController],
})
export class PowerItemsModule {}
