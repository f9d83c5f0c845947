import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { ResidentUnitView } from '../../domain/resident-unit.js';

export class ListResidentUnitsQuery extends Query<Page<ResidentUnitView>> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
