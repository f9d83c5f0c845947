import { Module } from '@nestjs/common';
import { BaseAllocationsController } from './api/base-allocations.controller.js';
import { TopUpBaseAllocationHandler } from './commands/top-up-base-allocation/top-up-base-allocation.handler.js';
import { StartBaseAllocationHandler } from './commands/start-base-allocation/start-base-allocation.handler.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { BaseAllocationPersistenceModule } from './persistence/base-allocation-persistence.module.js';

@Module({
  imports: [BaseAllocationPersistenceModule, IdempotencyModule],
  controllers: [BaseAllocationsController],
  providers: [StartBaseAllocationHandler, TopUpBaseAllocationHandler],
})
export class BaseAllocationModule {}
