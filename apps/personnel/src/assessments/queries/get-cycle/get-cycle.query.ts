import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { QuotaBreach } from '../../domain/grade-quotas.js';
import type { AssessmentCycleEntity } from '../../persistence/assessment-cycle.entity.js';
import type { CohortMemberGrade } from '../../persistence/assessments.repository.js';

export interface CycleView extends AssessmentCycleEntity {
  members: CohortMemberGrade[];
  quota: { cohortSize: number; allowedExcellent: number; allowedGood: number; breaches: QuotaBreach[] };
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
