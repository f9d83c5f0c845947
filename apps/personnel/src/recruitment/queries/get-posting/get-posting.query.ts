import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ApplicationRow, PlaceRow, PostingRow } from '../../persistence/recruitment.repository.js';

/** The posting with its stage answered as `status`, the one name every answer gives where a record stands. */
export interface PostingView extends Omit<PostingRow, 'stage'> {
  status: PostingRow['stage'];
  places: PlaceRow[];
  applications: ApplicationRow[];
}

export class GetPostingQuery extends Query<PostingView> {
  constructor(
    readonly postingId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
