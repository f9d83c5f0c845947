import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PromotionRequest } from '../../domain/promotion-request.js';

export class GetPromotionRequestQuery extends Query<PromotionRequest> {
  constructor(
    readonly requestId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
