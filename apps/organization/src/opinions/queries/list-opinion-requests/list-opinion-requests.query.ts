import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { OpinionRequestListing } from './list-opinion-requests.handler.js';

export class ListOpinionRequestsQuery extends Query<{ items: OpinionRequestListing[] }> {
  constructor(
    readonly filter: { departmentId?: string; openOnly: boolean },
    readonly actor: Principal,
  ) {
    super();
  }
}
