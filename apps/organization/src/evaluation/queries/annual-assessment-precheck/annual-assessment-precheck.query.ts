import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { UnmetAssessmentRule } from '../../domain/annual-assessment.js';
import type { DepartmentAnnualAssessment } from '../../persistence/evaluation.repository.js';

export interface AnnualAssessmentPrecheck {
  departmentId: string;
  year: number;
  /** True when nothing stops the assessment from completing now. */
  eligible: boolean;
  unmet: UnmetAssessmentRule[];
  /** The closed opinion request the assessment would rest on. */
  opinionRequestId: string | null;
  /** The completed assessment, when it already is. */
  completed: DepartmentAnnualAssessment | null;
}

export class AnnualAssessmentPrecheckQuery extends Query<AnnualAssessmentPrecheck> {
  constructor(
    readonly departmentId: string,
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
