import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { WorkerAccess } from '../../../workers/worker-access.js';
import type { PromotionRequest } from '../../domain/promotion-request.js';
import { PromotionsRepository } from '../../persistence/promotions.repository.js';
import { GetPromotionRequestQuery } from './get-promotion-request.query.js';

@QueryHandler(GetPromotionRequestQuery)
export class GetPromotionRequestHandler implements IQueryHandler<GetPromotionRequestQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly promotions: PromotionsRepository,
    private readonly access: WorkerAccess,
  ) {}

  async execute(query: GetPromotionRequestQuery): Promise<PromotionRequest> {
    const request = await this.promotions.find(this.transactions.reader, query.requestId);
    if (!request) throw new NotFoundError('promotion-request', query.requestId);
    await this.access.read(this.transactions.reader, query.actor, request.workerId).catch(() => {
      throw new NotFoundError('promotion-request', query.requestId);
    });
    return request;
  }
}
