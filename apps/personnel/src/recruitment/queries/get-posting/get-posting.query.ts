import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ApplicationRow, PlaceRow, PostingRow } from '../../persistence/recruitment.repository.js';

export interface PostingView extends PostingRow {
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
