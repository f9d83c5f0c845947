import { Module } from '@nestjs/common';
import { BaseAllocationsRepository } from './base-allocations.repository.js';

@Module({
  providers: [BaseAllocationsRepository],
  exports: [BaseAllocationsRepository],
})
export class BaseAllocationPersistenceModule {}
