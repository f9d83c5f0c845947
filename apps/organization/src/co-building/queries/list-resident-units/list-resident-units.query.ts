import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ResidentUnitView } from '../../persistence/co-building.repository.js';

export class ListResidentUnitsQuery extends Query<{ items: ResidentUnitView[] }> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
  ) {
    super();
  }
}
