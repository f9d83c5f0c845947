import { Injectable } from '@nestjs/common';
import { DomainError, type Principal, type Transaction } from '@jianfu/platform';
import { DepartmentsRepository } from '../departments/persistence/departments.repository.js';
import type { DepartmentView } from '../departments/persistence/departments.repository.js';
import { OpinionsRepository } from '../opinions/persistence/opinions.repository.js';
import {
  annualAssessmentPrecheck,
  assessedYearStart,
  type ClosedOpinionRequest,
  type UnmetAssessmentRule,
} from './domain/annual-assessment.js';
import { EvaluationErrors } from './domain/evaluation.errors.js';

/**
 * What a department's annual target assessment waits for: the department (in the caller's district) and a closed
 * opinion request about it for the annual assessment, closed since the assessed year began.
 */
@Injectable()
export class AnnualAssessmentGate {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  async check(
    tx: Transaction,
    actor: Principal,
    departmentId: string,
    year: number,
  ): Promise<{ department: DepartmentView; closedRequest: ClosedOpinionRequest | null; unmet: UnmetAssessmentRule[] }> {
    const department = await this.departments.find(tx, departmentId);
    if (!department || department.districtCode !== actor.scope.districtCode) {
      throw DomainError.of(
        EvaluationErrors['department.id-unknown'],
        `departmentId: no department of the district has id ${departmentId}`,
        { field: 'departmentId' },
      );
    }
    const closedRequest = await this.opinions.latestClosed(tx, {
      districtCode: department.districtCode,
      subjectKind: 'department',
      subjectId: department.id,
      purpose: 'annual-assessment',
      closedSince: assessedYearStart(year),
    });
    return { department, closedRequest, unmet: annualAssessmentPrecheck(department, year, closedRequest) };
  }
}
