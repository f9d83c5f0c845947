import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface RefusalReason {
  /** `review` (reviewers rejected), a pre-check finding code, or the gate's violation code. */
  reason: string;
  source: 'precheck' | 'review' | 'gate' | 'community';
  count: number;
}

export interface DecisionOutcomesReport {
  year: number;
  decided: number;
  admitted: number;
  /** Submissions rejected, plus work refused at the gate or reported by communities (违规摊派). */
  refused: number;
  withdrawn: number;
  expired: number;
  refusedByReason: RefusalReason[];
  /** Median working days (the district's calendar) from first submission to decision; null before any. */
  medianWorkingDays: number | null;
}

/** The caller's district's decisions in a year: admitted against refused, by reason, and the time they took. */
export class GetDecisionOutcomesQuery extends Query<DecisionOutcomesReport> {
  constructor(
    readonly actor: Principal,
    readonly year: number,
  ) {
    super();
  }
}
