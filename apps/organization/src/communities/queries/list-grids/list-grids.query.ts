import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class ListGridsQuery extends Query<{ items: { id: string; code: string; name: string }[] }> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
