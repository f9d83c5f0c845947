import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PromotionRequestEntity } from '../../persistence/promotion-request.entity.js';

export class GetPromotionRequestQuery extends Query<PromotionRequestEntity> {
  constructor(
    readonly requestId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
