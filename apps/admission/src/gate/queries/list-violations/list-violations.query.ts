import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { DemandKind, ViolationView } from '../../domain/admitted-task.js';

/** Recorded violations (违规摊派): a department sees its own, a community those against it. */
export class ListViolationsQuery extends Query<Page<ViolationView>> {
  constructor(
    readonly actor: Principal,
    readonly filter: { departmentId?: string; kind?: DemandKind },
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
