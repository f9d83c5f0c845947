import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CadreReviewCycleView } from './get-cadre-review-cycle.handler.js';

export class GetCadreReviewCycleQuery extends Query<CadreReviewCycleView> {
  constructor(
    readonly cycleId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
