import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface BudgetView {
  departmentId: string;
  year: number;
  approvedFen: number;
  availableFen: number;
  reservedFen: number;
  /** Paid out to communities: approved minus what is still available or reserved. */
  disbursedFen: number;
  revision: number;
}

export class GetBudgetQuery extends Query<BudgetView> {
  constructor(
    readonly departmentId: string,
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
