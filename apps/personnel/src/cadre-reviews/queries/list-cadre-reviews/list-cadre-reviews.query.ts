import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CadreReviewRow } from '../../persistence/cadre-reviews.repository.js';

export class ListCadreReviewsQuery extends Query<{ year: number; items: (CadreReviewRow & { name: string })[] }> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
