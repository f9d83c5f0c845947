import { Module } from '@nestjs/common';
import { BaseAllocationsController } from './api/base-allocations.controller.js';
import { TopUpBaseAllocationHandler } from './commands/top-up-base-allocation/top-up-base-allocation.handler.js';
import { SetBaseStandardHandler } from './commands/set-base-standard/set-base-standard.handler.js';
import { StartBaseAllocationHandler } from './commands/start-base-allocation/start-base-allocation.handler.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { BaseAllocationPersistenceModule } from './persistence/base-allocation-persistence.module.js';
import { GetBaseAllocationHandler } from './queries/get-base-allocation/get-base-allocation.handler.js';
import { GetBaseStandardHandler } from './queries/get-base-standard/get-base-standard.handler.js';
import { ListBaseTopUpsHandler } from './queries/list-base-top-ups/list-base-top-ups.handler.js';

@Module({
  imports: [BaseAllocationPersistenceModule, IdempotencyModule],
  controllers: [BaseAllocationsController],
  providers: [
    SetBaseStandardHandler,
    GetBaseStandardHandler,
    StartBaseAllocationHandler,
    GetBaseAllocationHandler,
    TopUpBaseAllocationHandler,
    ListBaseTopUpsHandler,
  ],
})
export class BaseAllocationModule {}
