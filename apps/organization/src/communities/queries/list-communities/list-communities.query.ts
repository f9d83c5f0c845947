import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { CommunityView } from '../../persistence/organisation-units.repository.js';

export class ListCommunitiesQuery extends Query<Page<CommunityView> & { next: string | null }> {
  constructor(
    readonly actor: Principal,
    readonly streetCode: string | undefined,
    readonly includeMerged: boolean,
    readonly page: { offset: number; limit: number; after?: string },
  ) {
    super();
  }
}
