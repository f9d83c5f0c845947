import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { PostingSummaryRow } from '../../persistence/recruitment.repository.js';

/** A posting in the list, its stage answered as `status` as every answer names where a record stands. */
export type PostingSummary = Omit<PostingSummaryRow, 'stage'> & { status: PostingSummaryRow['stage'] };

export class ListPostingsQuery extends Query<Page<PostingSummary>> {
  constructor(
    readonly actor: Principal,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
