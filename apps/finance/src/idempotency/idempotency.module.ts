import { Module } from '@nestjs/common';
import { IdempotentRequests } from './idempotent-requests.js';
import { IdempotentRequestsRepository } from './persistence/idempotent-requests.repository.js';

@Module({
  providers: [IdempotentRequestsRepository, IdempotentRequests],
  exports: [IdempotentRequests],
})
export class IdempotencyModule {}
