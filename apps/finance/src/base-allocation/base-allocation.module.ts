import { Module } from '@nestjs/common';
import { BaseAllocationsController } from './api/base-allocations.controller.js';
import { StartBaseAllocationHandler } from './commands/start-base-allocation/start-base-allocation.handler.js';
import { BaseAllocationPersistenceModule } from './persistence/base-allocation-persistence.module.js';

@Module({
  imports: [BaseAllocationPersistenceModule],
  controllers: [BaseAllocationsController],
  providers: [StartBaseAllocationHandler],
})
export class BaseAllocationModule {}
