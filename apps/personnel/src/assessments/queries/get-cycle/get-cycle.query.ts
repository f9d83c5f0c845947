import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BonusTable } from '../../domain/bonus-table.js';
import type { QuotaBreach, QuotaRounding } from '../../domain/grade-quotas.js';
import type { AssessmentCycle } from '../../domain/assessment-cycle.js';
import type { CohortMemberGrade } from '../../persistence/assessments.repository.js';

export interface CycleView extends AssessmentCycle {
  members: CohortMemberGrade[];
  quota: {
    cohortSize: number;
    /** The cycle's policy, so a grading sheet shows the caps as the service applies them. */
    excellentPercent: number;
    goodPercent: number;
    rounding: QuotaRounding;
    allowedExcellent: number;
    allowedGood: number;
    breaches: QuotaBreach[];
  };
  /** What each grade pays in this cycle, integer fen, by the cycle's policy version. */
  bonusTableFen: BonusTable;
  totalBonusFen: number;
}

export class GetCycleQuery extends Query<CycleView> {
  constructor(
    readonly cycleId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
