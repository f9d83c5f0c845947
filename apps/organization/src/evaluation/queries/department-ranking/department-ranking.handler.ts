import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, PolicyBook, TransactionRunner } from '@jianfu/platform';
import { type EvaluationPolicy, gradePointsOf, evaluationPolicyKind } from '../../domain/evaluation-policy.js';
import { periodRange, rankDepartments } from '../../domain/evaluation-period.js';
import { EvaluationRepository } from '../../persistence/evaluation.repository.js';
import { type DepartmentRanking, DepartmentRankingQuery } from './department-ranking.query.js';

@QueryHandler(DepartmentRankingQuery)
export class DepartmentRankingHandler implements IQueryHandler<DepartmentRankingQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly evaluation: EvaluationRepository,
    private readonly policies: PolicyBook,
  ) {}

  async execute(query: DepartmentRankingQuery): Promise<DepartmentRanking> {
    const range = periodRange(query.period);
    const tallies = await this.evaluation.tallies(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query.period,
      range,
    );
    // The points and penalty in force when the period ended (today for a period still running), so a past
    // ranking stays as it was whatever the district publishes later.
    const periodEnd = new Date(Math.min(Date.parse(range.to) - 1, Date.now()));
    const policy = await this.policies.effective<EvaluationPolicy>(
      this.transactions.reader,
      query.actor.scope.districtCode,
      evaluationPolicyKind,
      chinaDateOf(periodEnd),
    );
    const penalty = policy.document.violationPenalty;
    return {
      period: query.period,
      ...range,
      penaltyPerViolation: penalty,
      policyVersion: policy.version,
      departments: rankDepartments(tallies, penalty, gradePointsOf(policy.document)),
    };
  }
}
