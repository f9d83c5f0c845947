import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';

export interface StreetSummary {
  id: string;
  code: string;
  name: string;
  communityCount: number;
}

export class ListStreetsQuery extends Query<Page<StreetSummary>> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
