import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface UserName {
  id: string;
  displayName: string;
}

/** The display names of the users asked for, as far as they work in the caller's district. */
export class GetUserNamesQuery extends Query<{ items: UserName[] }> {
  constructor(
    readonly userIds: string[],
    readonly actor: Principal,
  ) {
    super();
  }
}
