import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ResidentSatisfactionView } from './get-resident-satisfaction.handler.js';

export class GetResidentSatisfactionQuery extends Query<ResidentSatisfactionView> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
