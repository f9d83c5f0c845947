import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DepartmentAnnualAssessment } from '../../persistence/evaluation.repository.js';

/** Complete a department's annual target assessment (年度目标责任考核) of a year. */
export class CompleteAnnualAssessmentCommand extends Command<DepartmentAnnualAssessment> {
  constructor(
    readonly departmentId: string,
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
