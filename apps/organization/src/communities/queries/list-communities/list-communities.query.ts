import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityView } from '../../persistence/organisation-units.repository.js';

export class ListCommunitiesQuery extends Query<{ items: CommunityView[] }> {
  constructor(
    readonly actor: Principal,
    readonly streetCode: string | undefined,
    readonly includeMerged: boolean,
  ) {
    super();
  }
}
