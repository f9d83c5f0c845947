import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DomainError, ScopeError, TransactionRunner } from '@jianfu/platform';
import { AnnualAssessmentGate } from '../../annual-assessment-gate.js';
import { EvaluationErrors } from '../../domain/evaluation.errors.js';
import { type DepartmentAnnualAssessment, EvaluationRepository } from '../../persistence/evaluation.repository.js';
import { DepartmentRankingQuery } from '../../queries/department-ranking/department-ranking.query.js';
import { CompleteAnnualAssessmentCommand } from './complete-annual-assessment.command.js';

/**
 * Completes a department's annual target assessment (年度目标责任考核) on the year's 双评议 ranking. Refused with
 * the unmet rules (`opinion-request`) until the communities' party organisations were asked and the request closed,
 * as seed 002 requires; once per department and year.
 */
@CommandHandler(CompleteAnnualAssessmentCommand)
export class CompleteAnnualAssessmentHandler implements ICommandHandler<CompleteAnnualAssessmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly gate: AnnualAssessmentGate,
    private readonly evaluation: EvaluationRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute(command: CompleteAnnualAssessmentCommand): Promise<DepartmentAnnualAssessment> {
    const { scope } = command.actor;
    if (scope.streetCodes || scope.communityIds || scope.departmentId) {
      // District departments are assessed by the district's organisation department, not by a street's officials.
      throw new ScopeError('A department’s annual target assessment is completed by a district-wide user');
    }
    const ranking = await this.queries.execute(new DepartmentRankingQuery(String(command.year), command.actor));
    return this.transactions.run(async (tx) => {
      const { department, closedRequest, unmet } = await this.gate.check(
        tx,
        command.actor,
        command.departmentId,
        command.year,
      );
      const completedAlready = () =>
        DomainError.of(
          EvaluationErrors['department-assessment.completed'],
          `${department.name}${command.year}年度目标责任考核已完成`,
        );
      if (await this.evaluation.findAnnualAssessment(tx, department.id, command.year)) throw completedAlready();
      if (!closedRequest || unmet.length > 0) {
        // `unmet` is a problem extension member: clients read the rules, not the prose.
        throw DomainError.of(
          EvaluationErrors['department-assessment.ineligible'],
          unmet.map((rule) => rule.message).join('；'),
          { unmet },
        );
      }
      const ranked = ranking.departments.find((entry) => entry.departmentId === department.id);
      const inserted = await this.evaluation.insertAnnualAssessment(tx, {
        departmentId: department.id,
        year: command.year,
        districtCode: department.districtCode,
        score: ranked?.score ?? 0,
        rank: ranked?.rank ?? ranking.departments.length + 1,
        ratings: ranked?.ratings ?? 0,
        violations: ranked?.violations ?? 0,
        policyVersion: ranking.policyVersion,
        opinionRequestId: closedRequest.requestId,
        completedBy: command.actor.userId,
      });
      if (!inserted) throw completedAlready();
      return inserted;
    });
  }
}
