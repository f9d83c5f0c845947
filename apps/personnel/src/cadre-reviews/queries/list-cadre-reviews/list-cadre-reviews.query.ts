import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { CadreReviewListing } from '../../persistence/cadre-reviews.repository.js';

export class ListCadreReviewsQuery extends Query<Page<CadreReviewListing>> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
