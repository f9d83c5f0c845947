import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface StreetSummary {
  id: string;
  code: string;
  name: string;
  communityCount: number;
}

export class ListStreetsQuery extends Query<{ items: StreetSummary[] }> {
  constructor(readonly actor: Principal) {
    super();
  }
}
