import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

/** A community's plaques (三块牌匾) and how many requests for more it was spared. */
export class GetPlaqueInventoryQuery extends Query<{
  communityId: string;
  limit: number;
  plaques: { wording: string; standard: boolean }[];
  refusedRequests: number;
}> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
  ) {
    super();
  }
}
