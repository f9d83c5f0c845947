import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { LinkedMemberView } from '../../persistence/opinions.repository.js';

export class ListLinkedMembersQuery extends Query<{ items: LinkedMemberView[] }> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
