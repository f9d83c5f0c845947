import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { AnnualAssessmentGate } from '../../annual-assessment-gate.js';
import { EvaluationRepository } from '../../persistence/evaluation.repository.js';
import { type AnnualAssessmentPrecheck, AnnualAssessmentPrecheckQuery } from './annual-assessment-precheck.query.js';

/** Whether a department's annual target assessment may complete now, and which rule stops it if not. */
@QueryHandler(AnnualAssessmentPrecheckQuery)
export class AnnualAssessmentPrecheckHandler implements IQueryHandler<AnnualAssessmentPrecheckQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly gate: AnnualAssessmentGate,
    private readonly evaluation: EvaluationRepository,
  ) {}

  async execute(query: AnnualAssessmentPrecheckQuery): Promise<AnnualAssessmentPrecheck> {
    const tx = this.transactions.reader;
    const { department, closedRequest, unmet } = await this.gate.check(tx, query.actor, query.departmentId, query.year);
    const completed = await this.evaluation.findAnnualAssessment(tx, department.id, query.year);
    return {
      departmentId: department.id,
      year: query.year,
      eligible: unmet.length === 0 && !completed,
      unmet,
      opinionRequestId: closedRequest?.requestId ?? null,
      completed,
    };
  }
}
