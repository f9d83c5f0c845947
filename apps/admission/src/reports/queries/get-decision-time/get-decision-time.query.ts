import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ReportsRepository } from '../../persistence/reports.repository.js';

/** Median days from first submission to decision, overall and per outcome. */
export class GetDecisionTimeQuery extends Query<Awaited<ReturnType<ReportsRepository['medianDaysToDecision']>>> {
  constructor(readonly actor: Principal) {
    super();
  }
}
