import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { FacilityView } from './facility.view.js';

export class GetFacilitiesQuery extends Query<FacilityView> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
