import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';

export class ListGridsQuery extends Query<Page<{ id: string; code: string; name: string }>> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
