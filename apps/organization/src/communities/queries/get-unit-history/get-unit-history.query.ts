import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { HierarchyChange } from '../../persistence/organisation-units.repository.js';

export interface UnitHistory {
  code: string;
  kind: string;
  name: string;
  status: string;
  changes: (Omit<HierarchyChange, 'unitId'> & { changedAt: string })[];
}

export class GetUnitHistoryQuery extends Query<UnitHistory> {
  constructor(
    readonly unitCode: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
