import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityView } from '../../persistence/organisation-units.repository.js';

export class GetCommunityQuery extends Query<CommunityView> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
